package io.sealtrail.registry.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Confluent's {@code _schemas} record format: compact JSON keys with a {@code keytype} whose bytes
 * match Confluent's (compaction compares raw keys), JSON values, tombstones for removals.
 */
public final class LogCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LogCodec() {}

  /** A record's key and value bytes; the value is null for a tombstone. */
  public record Encoded(byte[] key, byte[] value) {}

  public static Encoded encode(LogRecord record) {
    if (record instanceof LogRecord.SchemaWritten written) {
      SchemaVersion v = written.version();
      return new Encoded(bytes(schemaKey(v.subject(), v.version())), bytes(schemaValue(v)));
    } else if (record instanceof LogRecord.SchemaRemoved removed) {
      return new Encoded(bytes(schemaKey(removed.subject(), removed.version())), null);
    } else if (record instanceof LogRecord.SubjectDeleted deleted) {
      ObjectNode value = JSON.createObjectNode().put("subject", deleted.subject());
      value.put("version", deleted.version());
      return new Encoded(
          bytes(subjectKey("DELETE_SUBJECT", Optional.of(deleted.subject()))), bytes(value));
    }
    return encodeSetting(record);
  }

  private static Encoded encodeSetting(LogRecord record) {
    if (record instanceof LogRecord.ConfigWritten config) {
      return setting("CONFIG", config.subject(), "compatibilityLevel", config.level().name());
    } else if (record instanceof LogRecord.ConfigRemoved config) {
      return new Encoded(bytes(subjectKey("CONFIG", config.subject())), null);
    } else if (record instanceof LogRecord.ModeWritten mode) {
      return setting("MODE", mode.subject(), "mode", mode.mode().name());
    } else if (record instanceof LogRecord.ModeRemoved mode) {
      return new Encoded(bytes(subjectKey("MODE", mode.subject())), null);
    }
    throw new IllegalArgumentException(record + " is only read from the log, never written");
  }

  private static Encoded setting(
      String keytype, Optional<String> subject, String field, String value) {
    ObjectNode node = JSON.createObjectNode();
    subject.ifPresent(s -> node.put("subject", s));
    node.put(field, value);
    return new Encoded(bytes(subjectKey(keytype, subject)), bytes(node));
  }

  /** Reads one log record; key types this registry does not model (NOOP, CONTEXT...) are empty. */
  public static Optional<LogRecord> decode(byte[] key, byte[] value) {
    JsonNode k = read(key);
    Optional<String> subject =
        Optional.ofNullable(k.get("subject")).filter(n -> !n.isNull()).map(JsonNode::asText);
    switch (k.path("keytype").asText()) {
      case "SCHEMA":
        int version = k.path("version").asInt();
        return Optional.of(
            value == null
                ? new LogRecord.SchemaRemoved(subject.orElseThrow(), version)
                : schema(read(value), subject.orElseThrow(), version));
      case "CONFIG":
        return Optional.of(
            value == null ? new LogRecord.ConfigRemoved(subject) : config(read(value), subject));
      case "MODE":
        return Optional.of(
            value == null
                ? new LogRecord.ModeRemoved(subject)
                : new LogRecord.ModeWritten(
                    subject, Mode.parse(read(value).path("mode").asText())));
      case "DELETE_SUBJECT":
        return Optional.of(
            new LogRecord.SubjectDeleted(
                subject.orElseThrow(), read(value).path("version").asInt()));
      default:
        return Optional.empty();
    }
  }

  private static LogRecord schema(JsonNode value, String subject, int version) {
    int id = value.path("id").asInt();
    if (!value.path("schemaType").asText("AVRO").equals("AVRO")
        || value.path("references").size() > 0) {
      return new LogRecord.IdReserved(id);
    }
    // Stored strings are re-canonicalized leniently: canonical output drifts across Avro versions.
    String canonical = AvroSchemas.parseLenient(value.path("schema").asText()).toString();
    return new LogRecord.SchemaWritten(
        new SchemaVersion(subject, version, id, canonical, value.path("deleted").asBoolean(false)));
  }

  private static LogRecord config(JsonNode value, Optional<String> subject) {
    JsonNode level =
        value.has("compatibilityLevel")
            ? value.get("compatibilityLevel")
            : value.path("compatibility");
    return new LogRecord.ConfigWritten(subject, CompatibilityLevel.parse(level.asText()));
  }

  private static ObjectNode schemaKey(String subject, int version) {
    ObjectNode key = JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject);
    return key.put("version", version).put("magic", 1);
  }

  private static ObjectNode subjectKey(String keytype, Optional<String> subject) {
    ObjectNode key = JSON.createObjectNode().put("keytype", keytype);
    subject.ifPresent(s -> key.put("subject", s));
    return key.put("magic", 0);
  }

  private static ObjectNode schemaValue(SchemaVersion v) {
    ObjectNode value =
        JSON.createObjectNode().put("subject", v.subject()).put("version", v.version());
    value.put("id", v.id()).put("schemaType", "AVRO").put("schema", v.schema());
    return value.put("deleted", v.deleted());
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
