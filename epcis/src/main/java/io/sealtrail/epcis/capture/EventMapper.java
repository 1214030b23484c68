package io.sealtrail.epcis.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.epcis.Vocabulary.Cbv;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads one EPCIS event into the custody event it means, or the parts of an assembly. */
final class EventMapper {
  private static final Set<String> ACTIONS = Set.of("ADD", "OBSERVE", "DELETE");
  private static final Set<String> QUANTITY_FIELDS = Set.of("epcClass", "quantity", "uom");
  private static final List<String> TRANSFORMATION_FIELDS =
      List.of(
          "inputEPCList",
          "inputQuantityList",
          "outputEPCList",
          "outputQuantityList",
          "transformationID");

  /** Fields the schema does not allow on an event type, which capture would otherwise not read. */
  private static final Map<String, List<String>> NOT_ALLOWED =
      Map.of(
          "ObjectEvent",
              concat(List.of("parentID", "childEPCs", "childQuantityList"), TRANSFORMATION_FIELDS),
          "AggregationEvent",
              concat(
                  List.of("epcList", "quantityList", "ilmd", "persistentDisposition"),
                  TRANSFORMATION_FIELDS),
          "AssociationEvent",
              concat(
                  List.of("epcList", "quantityList", "ilmd", "persistentDisposition"),
                  TRANSFORMATION_FIELDS));

  /** What one event reads as, before the parts of assemblies are paired with their devices. */
  sealed interface Reading {
    int index();
  }

  /** A custody event; {@code assembly} is its pairing key when it is an assembly, else null. */
  record Custody(int index, ObjectNode event, String assembly) implements Reading {}

  /** The parts of the assembly with pairing key {@code assembly}. */
  record AssemblyParts(int index, String assembly, ArrayNode components) implements Reading {}

  private EventMapper() {}

  static Reading read(int index, String pointer, JsonNode node, Namespaces ns, String partnerId) {
    EventFields f = EventFields.event(node, pointer, ns);
    if (f.get("errorDeclaration").isPresent()) {
      throw new CaptureException(
          RejectionCode.UNSUPPORTED_ERROR_DECLARATION,
          f.at("errorDeclaration"),
          "custody events are never corrected in place: report what happened as a new event");
    }
    String type = f.requiredText("type", "an event has a type");
    for (String field : NOT_ALLOWED.getOrDefault(type, List.of())) {
      if (f.get(field).isPresent()) {
        throw EventFields.malformed(f.at(field), "is not a field of an " + type);
      }
    }
    String action = f.text("action").orElse("");
    if (!ACTIONS.contains(action) && !type.startsWith("Trans")) {
      throw EventFields.malformed(f.at("action"), "must be ADD, OBSERVE or DELETE");
    }
    String bizStep =
        f.text("bizStep").map(v -> vocabulary(Cbv.BIZ_STEP, v, f, "bizStep")).orElse(null);
    Optional<EventType> custody = Classifier.classify(f, type, action, bizStep);
    String occurredAt = occurredAt(f);
    String eventId = eventId(f);
    String site = Place.site(f);
    String partner = partner(f, partnerId);
    if (custody.isEmpty()) {
      String parent =
          PrivateIds.serial(f.requiredText("parentID", "the assembled device"), f.at("parentID"));
      return new AssemblyParts(index, assemblyKey(parent, occurredAt, f), Parts.of(f));
    }
    EventType kind = custody.get();
    f.extText("custodyEventType")
        .filter(named -> !named.equals(kind.name()))
        .ifPresent(
            named -> {
              throw new CaptureException(
                  RejectionCode.CONFLICTING_FIELDS,
                  f.extAt("custodyEventType"),
                  "names "
                      + named
                      + " but the event's type, action and business step mean "
                      + kind);
            });
    String disposition =
        f.text("disposition")
            .map(v -> vocabulary(Cbv.DISPOSITION, v, f, "disposition"))
            .orElse(null);
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("eventId", eventId).put("type", kind.name()).put("occurredAt", occurredAt);
    event.put("partnerId", partner).put("site", site);
    Place.station(f).ifPresent(station -> event.put("station", station));
    f.extText("operator").ifPresent(operator -> event.put("operator", operator));
    ObjectNode detail;
    if (kind == EventType.COMPONENT_RECEIVED) {
      detail = componentReceived(f, event);
    } else {
      event.put("subject", subject(f, kind));
      detail = Details.of(kind, f, disposition);
    }
    event.set("detail", detail);
    String assembly =
        kind == EventType.ASSEMBLED
            ? assemblyKey(event.get("subject").textValue(), occurredAt, f)
            : null;
    return new Custody(index, event, assembly);
  }

  /** A CBV value's bare word, or the full IRI of any other value. */
  private static String vocabulary(Cbv cbv, String value, EventFields f, String field) {
    return cbv.word(value).orElseGet(() -> f.namespaces().expand(value, f.at(field)));
  }

  private static String occurredAt(EventFields f) {
    String time = f.requiredText("eventTime", "when it happened");
    String offset = f.requiredText("eventTimeZoneOffset", "the time zone offset of the event");
    if (!offset.matches("[+-]((0\\d|1[0-3]):[0-5]\\d|14:00)")) {
      throw EventFields.malformed(f.at("eventTimeZoneOffset"), "must be ±hh:mm, e.g. +00:00");
    }
    try {
      return OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
          .toInstant()
          .toString();
    } catch (DateTimeParseException e) {
      throw EventFields.malformed(f.at("eventTime"), "must be an RFC 3339 date-time with offset");
    }
  }

  private static String eventId(EventFields f) {
    return f.extText("custodyEventId")
        .or(() -> f.text("eventID"))
        .orElseThrow(
            () ->
                new CaptureException(
                    RejectionCode.MISSING_EVENT_ID,
                    f.pointer(),
                    "give sealtrail:custodyEventId or eventID, so a retry is recognised"));
  }

  private static String partner(EventFields f, String partnerId) {
    f.extText("partnerId")
        .filter(named -> !named.equals(partnerId))
        .ifPresent(
            named -> {
              throw new CaptureException(
                  RejectionCode.PARTNER_MISMATCH,
                  f.extAt("partnerId"),
                  "names partner '" + named + "' but is captured by '" + partnerId + "'");
            });
    return partnerId;
  }

  /** Ties an assembly's parts to its device: same device, same time, same custody event id. */
  private static String assemblyKey(String device, String occurredAt, EventFields f) {
    return device + "\n" + occurredAt + "\n" + f.extText("custodyEventId").orElse("");
  }

  private static String subject(EventFields f, EventType kind) {
    if (f.get("parentID").isPresent()) {
      return PrivateIds.serial(f.requiredText("parentID", "the parent"), f.at("parentID"));
    }
    List<JsonNode> epcs = list(f, "epcList");
    if ((kind == EventType.FIRMWARE_RELEASED || kind == EventType.FIRMWARE_WITHDRAWN)
        && epcs.isEmpty()) {
      EventFields quantity = onlyQuantity(f);
      return PrivateIds.product(
          quantity.requiredText("epcClass", "the product"), quantity.at("epcClass"));
    }
    if (epcs.size() != 1 || !list(f, "quantityList").isEmpty()) {
      throw new CaptureException(
          epcs.isEmpty() ? RejectionCode.MISSING_FIELD : RejectionCode.MULTIPLE_SUBJECTS,
          f.at("epcList"),
          "a custody event is about one serial: epcList names " + epcs.size());
    }
    String at = f.at("epcList") + "/0";
    return PrivateIds.serial(EventFields.textValue(epcs.get(0), at), at);
  }

  /** A lot received whole is its quantityList class; a serialised part is its EPC. */
  private static ObjectNode componentReceived(EventFields f, ObjectNode event) {
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    if (list(f, "epcList").isEmpty()) {
      EventFields quantity = onlyQuantity(f);
      List<String> lot =
          PrivateIds.lot(quantity.requiredText("epcClass", "the lot"), quantity.at("epcClass"));
      event.put("subject", lot.get(1));
      d.put("partNumber", lot.get(0)).put("lot", lot.get(1));
    } else {
      event.put("subject", subject(f, EventType.COMPONENT_RECEIVED));
      d.put("partNumber", f.requiredExtText("partNumber", "the part number of the part received"));
      d.put("lot", f.requiredExtText("lot", "the lot of the part received"));
    }
    d.put("supplier", Details.party(f, "sourceList", "source", "owning_party"));
    f.extText("certificateSha256").ifPresent(v -> d.put("certificateSha256", v));
    return d;
  }

  private static EventFields onlyQuantity(EventFields f) {
    List<JsonNode> quantities = list(f, "quantityList");
    if (quantities.size() != 1) {
      throw new CaptureException(
          quantities.isEmpty() ? RejectionCode.MISSING_FIELD : RejectionCode.MULTIPLE_SUBJECTS,
          f.at("quantityList"),
          "a custody event is about one class: quantityList names " + quantities.size());
    }
    return f.object(quantities.get(0), f.at("quantityList") + "/0", QUANTITY_FIELDS);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }

  private static List<JsonNode> list(EventFields f, String field) {
    JsonNode list = f.get(field).orElse(JsonNodeFactory.instance.arrayNode());
    if (!list.isArray()) {
      throw EventFields.malformed(f.at(field), "must be an array");
    }
    return java.util.stream.StreamSupport.stream(list.spliterator(), false).toList();
  }
}
