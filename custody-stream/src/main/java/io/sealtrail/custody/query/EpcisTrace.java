package io.sealtrail.custody.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.history.SerialHistory;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.epcis.export.EpcisExporter;
import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.platform.query.StoreReader;
import io.sealtrail.platform.query.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A lot's trace as one GS1 EPCIS 2.0 document: the events of the lot itself and of every device
 * built with it, from each serial's history wherever it lives (histories are partitioned by serial,
 * a trace by lot, so it asks each owner for the serial's EPCIS history). An event in several
 * histories (a container's, a shipping's) is listed once; events are in event-time order, each
 * linked to its signed original as in a serial's export.
 */
final class EpcisTrace {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final StoreReader reader;
  private final EpcisExporter exporter;

  EpcisTrace(StoreReader reader, EpcisExporter exporter) {
    this.reader = reader;
    this.exporter = exporter;
  }

  ObjectNode document(List<String> serials, HttpRequest<?> asking, Instant now) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (String serial : serials) {
      for (JsonNode event : eventsOf(serial, asking)) {
        byId.putIfAbsent(event.path("eventID").asText(), event);
      }
    }
    List<JsonNode> events = new ArrayList<>(byId.values());
    // Exported times are UTC with three fractional digits, so their text sorts as time does.
    events.sort(Comparator.comparing(e -> e.path("eventTime").asText()));
    ObjectNode document = exporter.document(List.of(), now);
    ((ArrayNode) document.at("/epcisBody/eventList")).addAll(events);
    return document;
  }

  /** The EPCIS events of {@code serial}'s history; none for a serial without one. */
  private List<JsonNode> eventsOf(String serial, HttpRequest<?> asking) {
    var owner = reader.remoteOwner(CustodyStores.HISTORY, serial);
    if (owner.isEmpty()) {
      List<JsonNode> events = new ArrayList<>();
      new SerialHistory(reader.<VerifiedEvent>local(CustodyStores.HISTORY))
          .of(serial).stream()
              .map(SerialHistory.Entry::event)
              .forEach(event -> events.addAll(exporter.events(event)));
      return events;
    }
    return remote(owner.get(), serial, asking);
  }

  private List<JsonNode> remote(HostInfo owner, String serial, HttpRequest<?> asking) {
    String path = "/v1/serials/" + Paths.segment(serial) + "/history?format=epcis";
    Forwarder.Answer answer = reader.forwarder().json(owner, path, asking);
    if (answer.status() == 404) {
      return List.of();
    }
    if (answer.status() != 200) {
      throw new StoreUnavailableException(
          "the owner " + owner + " of " + serial + " answered " + answer.status());
    }
    try {
      List<JsonNode> events = new ArrayList<>();
      JSON.readTree(answer.body()).at("/epcisBody/eventList").forEach(events::add);
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable history from another instance", e);
    }
  }
}
