package io.sealtrail.epcis.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sealtrail.epcis.capture.EventMapper.Custody;
import io.sealtrail.epcis.capture.EventMapper.Reading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the events of an EPCIS 2.0 document to the custody events they mean: the JSON a partner
 * signs for {@code POST /v1/events}. Every event gets exactly one outcome - mapped, folded into
 * another's custody event (the parts of an assembly), or rejected with a stable code and the JSON
 * pointer of the value at fault - so nothing is dropped.
 */
public final class EpcisCapture {
  static final String EVENT_LIST = "/epcisBody/eventList";

  /** The outcome of each event of {@code document}, captured for partner {@code partnerId}. */
  public CaptureReport map(JsonNode document, String partnerId) {
    Optional<Rejection> refused = refused(document);
    if (refused.isPresent()) {
      return new CaptureReport.DocumentRejected(refused.get());
    }
    Optional<Namespaces> namespaces = Namespaces.of(document.get("@context"));
    if (namespaces.isEmpty()) {
      return new CaptureReport.DocumentRejected(
          new Rejection(
              RejectionCode.MISSING_GS1_CONTEXT,
              "/@context",
              "@context must name the GS1 EPCIS 2.0 context first"));
    }
    ArrayNode events = (ArrayNode) document.get("epcisBody").get("eventList");
    EventOutcome[] outcomes = new EventOutcome[events.size()];
    List<Reading> readings = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      try {
        readings.add(
            EventMapper.read(i, EVENT_LIST + "/" + i, events.get(i), namespaces.get(), partnerId));
      } catch (CaptureException e) {
        outcomes[i] = new EventOutcome.Rejected(i, e.rejection());
      }
    }
    for (Reading reading : readings) {
      if (reading instanceof Custody custody) {
        outcomes[custody.index()] = new EventOutcome.Mapped(custody.index(), custody.event());
      }
    }
    rejectDuplicateIds(outcomes);
    Assemblies.pair(readings, outcomes);
    return new CaptureReport.Events(List.of(outcomes));
  }

  private static Optional<Rejection> refused(JsonNode document) {
    if (document == null || !document.isObject()) {
      return reject("", "an EPCIS document is a JSON object");
    }
    JsonNode type = document.get("type");
    if (type == null || !"EPCISDocument".equals(type.asText())) {
      return reject("/type", "type must be EPCISDocument");
    }
    JsonNode body = document.get("epcisBody");
    if (body == null || !body.isObject()) {
      // The pointer names the value at fault: a member under a missing body would point nowhere.
      return reject(
          "/epcisBody", "epcisBody must be an object holding eventList, an array of events");
    }
    if (body.get("eventList") == null || !body.get("eventList").isArray()) {
      return reject(EVENT_LIST, "epcisBody.eventList must be an array of events");
    }
    return Optional.empty();
  }

  private static Optional<Rejection> reject(String pointer, String message) {
    return Optional.of(new Rejection(RejectionCode.MALFORMED_DOCUMENT, pointer, message));
  }

  /** Two events of one document that mean custody events with one id: the second is refused. */
  private static void rejectDuplicateIds(EventOutcome[] outcomes) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] instanceof EventOutcome.Mapped mapped) {
        String id = mapped.custodyEvent().get("eventId").textValue();
        Integer first = seen.putIfAbsent(id, i);
        if (first != null) {
          outcomes[i] =
              new EventOutcome.Rejected(
                  i,
                  new Rejection(
                      RejectionCode.DUPLICATE_EVENT_ID,
                      mapped.pointer(),
                      "custody event id '"
                          + id
                          + "' is already the event at "
                          + EVENT_LIST
                          + "/"
                          + first));
        }
      }
    }
  }
}
