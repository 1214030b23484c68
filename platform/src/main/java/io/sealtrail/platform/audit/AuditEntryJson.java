package io.sealtrail.platform.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The JSON of an {@link AuditEntry} on {@code custody.audit.actions}, both ways. */
public final class AuditEntryJson {
  private static final JsonFactory JSON = new JsonFactory();

  private AuditEntryJson() {}

  public static byte[] write(AuditEntry entry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("actor", entry.actor());
      g.writeStringField("action", entry.action());
      g.writeStringField("target", entry.target());
      g.writeStringField("requestId", entry.requestId());
      g.writeStringField("at", entry.at().toString());
      if (entry.beforeSha256() != null) {
        g.writeStringField("beforeSha256", entry.beforeSha256());
      }
      if (entry.afterSha256() != null) {
        g.writeStringField("afterSha256", entry.afterSha256());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The entry {@code json} holds; {@link IllegalArgumentException} naming what is wrong if none.
   */
  public static AuditEntry read(byte[] json) {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("an audit entry is a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() != JsonToken.VALUE_STRING) {
          throw new IllegalArgumentException("audit entry field " + name + " is not a string");
        }
        fields.put(name, p.getText());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable audit entry: " + e.getMessage(), e);
    }
    try {
      return new AuditEntry(
          fields.get("actor"),
          fields.get("action"),
          fields.get("target"),
          fields.get("requestId"),
          Instant.parse(required(fields, "at")),
          fields.get("beforeSha256"),
          fields.get("afterSha256"));
    } catch (NullPointerException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("incomplete audit entry: " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("audit entry has no " + name);
    }
    return value;
  }
}
