package io.sealtrail.epcis.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.epcis.EpcisTime;
import io.sealtrail.epcis.Vocabulary;
import java.time.Instant;
import java.util.List;

/**
 * Custody history as a GS1 EPCIS 2.0 JSON-LD {@code EPCISDocument}. Each custody event becomes the
 * EPCIS event(s) of its shape, in history order, each carrying a link to its signed original. The
 * output depends only on the events and the creation date given, so the same history always gives
 * the same document.
 */
public final class EpcisExporter {

  /** The document for {@code events} (e.g. one serial's history, first event first). */
  public ObjectNode document(List<VerifiedEvent> events, Instant creationDate) {
    ObjectNode document = EpcisEvent.JSON.objectNode();
    document.set("@context", Vocabulary.context());
    document.put("type", "EPCISDocument");
    document.put("schemaVersion", "2.0");
    document.put("creationDate", EpcisTime.format(creationDate));
    ArrayNode eventList = document.putObject("epcisBody").putArray("eventList");
    events.forEach(event -> eventList.addAll(events(event)));
    return document;
  }

  /** The EPCIS events of one custody event: two for an assembly with parts, else one. */
  public List<ObjectNode> events(VerifiedEvent event) {
    return EventShapes.of(event).stream().map(EpcisEvent::json).toList();
  }
}
