package io.sealtrail.ingest.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.CustodyEvent;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a signed event payload (UTF-8 JSON) into the Avro {@link CustodyEvent}, or says exactly
 * which field breaks the contract. Duplicate keys are refused: a signed document must not mean two
 * things to two parsers.
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
          "detail");
  private static final String TYPES =
      Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.joining(", "));

  private final ObjectMapper json =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonParser.Feature.ALLOW_COMMENTS)
          .build();

  /** Reads {@code payload}; never throws for bad input. */
  public EventReading read(byte[] payload) {
    JsonNode root;
    try {
      root = json.readTree(payload);
    } catch (JsonProcessingException e) {
      return new EventReading.Malformed("payload is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return new EventReading.Malformed("payload cannot be read: " + e.getMessage());
    }
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
        .build();
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
