package io.sealtrail.platform.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON of a {@link User} on {@code custody.users}, both ways. JSON rather than Avro: the
 * platform, which every service's gate reads users with, sits below the schema registry.
 */
public final class UserJson {
  private static final JsonFactory JSON = new JsonFactory();

  private UserJson() {}

  public static byte[] write(User user) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("name", user.name());
      g.writeArrayFieldStart("roles");
      for (Role role : EnumSet.copyOf(user.roles())) {
        g.writeString(role.name().toLowerCase(Locale.ROOT));
      }
      g.writeEndArray();
      optional(g, "expiresAt", user.expiresAt());
      g.writeStringField("tokenSha256", user.tokenSha256());
      g.writeStringField("createdAt", user.createdAt().toString());
      g.writeStringField("createdBy", user.createdBy());
      optional(g, "revokedAt", user.revokedAt());
      if (user.revokedBy() != null) {
        g.writeStringField("revokedBy", user.revokedBy());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The user {@code json} holds; {@link IllegalArgumentException} naming what is wrong if none. */
  public static User read(byte[] json) {
    Map<String, String> fields = new HashMap<>();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a user is a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("roles".equals(name) && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.VALUE_STRING) {
            roles.add(Role.valueOf(p.getText().toUpperCase(Locale.ROOT)));
          }
        } else if (value == JsonToken.VALUE_STRING) {
          fields.put(name, p.getText());
        } else {
          p.skipChildren(); // a field a later version added: ignored, not fatal
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable user: " + e.getMessage(), e);
    }
    try {
      return new User(
          required(fields, "name"),
          roles,
          instant(fields.get("expiresAt")),
          required(fields, "tokenSha256"),
          instant(required(fields, "createdAt")),
          required(fields, "createdBy"),
          instant(fields.get("revokedAt")),
          fields.get("revokedBy"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("user with an unreadable instant: " + e.getMessage(), e);
    }
  }

  private static void optional(JsonGenerator g, String field, Instant value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value.toString());
    }
  }

  private static Instant instant(String value) {
    return value == null ? null : Instant.parse(value);
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("user record has no " + name);
    }
    return value;
  }
}
