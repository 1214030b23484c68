package io.sealtrail.ingest.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.trust.event.StreamPosition;
import io.sealtrail.trust.json.StrictJson;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a signed event payload (UTF-8 JSON) into the Avro {@link CustodyEvent}, or says exactly
 * which field breaks the contract. The payload is read as trust reads it (strict UTF-8, one value,
 * no duplicate key): a signed document must not mean two things to two parsers.
 */
public final class EventReader {

  private static final Set<String> COMMON_FIELDS =
      Set.of(
          "eventId",
          "type",
          "occurredAt",
          "partnerId",
          "site",
          "station",
          "operator",
          "subject",
          "detail",
          StreamPosition.STREAM,
          StreamPosition.SEQUENCE);
  private static final String TYPES =
      Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.joining(", "));

  /** Reads {@code payload}; never throws for bad input. */
  public EventReading read(byte[] payload) {
    JsonNode root;
    try {
      root = StrictJson.read(payload);
    } catch (StrictJson.Unreadable e) {
      return new EventReading.Malformed("payload is " + e.getMessage());
    }
    return read(root);
  }

  /** Reads the payload {@code root}, already parsed strictly; never throws for bad input. */
  public EventReading read(JsonNode root) {
    if (root == null || !root.isObject()) {
      return new EventReading.Malformed("payload must be a JSON object");
    }
    try {
      return new EventReading.Read(event(JsonFields.of(root, "").only(COMMON_FIELDS)));
    } catch (SchemaViolation violation) {
      return new EventReading.Violation(violation.pointer(), violation.getMessage());
    }
  }

  private static CustodyEvent event(JsonFields fields) {
    EventType type = type(fields);
    var position = position(fields);
    return CustodyEvent.newBuilder()
        .setEventId(fields.text("eventId"))
        .setType(type)
        .setOccurredAt(fields.utcInstant("occurredAt"))
        .setPartnerId(fields.text("partnerId"))
        .setSite(fields.text("site"))
        .setStation(fields.optionalText("station"))
        .setOperator(fields.optionalText("operator"))
        .setSubject(fields.text("subject"))
        .setDetail(DetailReaders.read(type, fields.object("detail")))
        .setStream(position.map(StreamPosition::stream).orElse(null))
        .setSequence(position.map(StreamPosition::sequence).orElse(null))
        .build();
  }

  /** The stream and sequence number, both or neither: trust's rule, pointed at the field. */
  private static Optional<StreamPosition> position(JsonFields fields) {
    try {
      return fields.position();
    } catch (StreamPosition.InvalidStreamPositionException e) {
      throw new SchemaViolation(fields.at(e.field()), e.getMessage());
    }
  }

  private static EventType type(JsonFields fields) {
    String type = fields.text("type");
    try {
      return EventType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw new SchemaViolation(fields.at("type"), "must be one of " + TYPES);
    }
  }
}
