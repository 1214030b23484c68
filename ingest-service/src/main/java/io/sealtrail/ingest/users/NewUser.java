package io.sealtrail.ingest.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.sealtrail.ingest.admin.InvalidRequestException;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A valid {@code POST /v1/users} body: {@code {"name","roles":[...],"expiresAt"?}}. {@link #read}
 * refuses anything else with the JSON pointer of the first field at fault: a body that is not a
 * JSON object is 400 {@code bad-request}; a field that is missing, of the wrong type, unknown or of
 * a value not allowed is 422 {@code invalid-request}.
 */
record NewUser(String name, Set<Role> roles, @Nullable Instant expiresAt) {
  /** Longest name: names are the actors of audit records and alert histories. */
  static final int MAX_NAME = 64;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");
  private static final Set<String> FIELDS = Set.of("name", "roles", "expiresAt");

  /** The request {@code body} makes, judged at {@code now}. */
  static NewUser read(byte[] body, Instant now) {
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw badRequest("the body is not JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw badRequest("the body cannot be read");
    }
    if (!(tree instanceof ObjectNode object)) {
      throw badRequest("the body must be a JSON object {\"name\",\"roles\",\"expiresAt\"?}");
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!FIELDS.contains(field)) {
        throw new InvalidRequestException(
            "/" + field, "unknown field " + field + "; a user has name, roles and expiresAt");
      }
    }
    return new NewUser(name(object.get("name")), roles(object.get("roles")), expiry(object, now));
  }

  private static String name(JsonNode node) {
    if (node == null || node.isNull()) {
      throw new InvalidRequestException("/name", "name is required");
    }
    if (!node.isTextual()) {
      throw new InvalidRequestException("/name", "name must be a string");
    }
    String name = node.asText();
    if (name.isBlank()) {
      throw new InvalidRequestException("/name", "name must not be blank");
    }
    if (name.length() > MAX_NAME) {
      throw new InvalidRequestException(
          "/name", "name is " + name.length() + " characters long; at most " + MAX_NAME);
    }
    if (!NAME.matcher(name).matches()) {
      throw new InvalidRequestException(
          "/name", "name may hold letters, digits and . _ @ - and starts with a letter or digit");
    }
    for (Role role : Role.values()) {
      // The role token files of a deployment authenticate under these names.
      if (role.name().equalsIgnoreCase(name)) {
        throw new InvalidRequestException(
            "/name", "name " + name + " is reserved for the bootstrap identity of a role");
      }
    }
    return name;
  }

  private static Set<Role> roles(JsonNode node) {
    if (node == null || node.isNull()) {
      throw new InvalidRequestException("/roles", "roles is required");
    }
    if (!node.isArray()) {
      throw new InvalidRequestException("/roles", "roles must be a list, e.g. [\"secops\"]");
    }
    if (node.isEmpty()) {
      throw new InvalidRequestException("/roles", "a user needs at least one role");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (int i = 0; i < node.size(); i++) {
      JsonNode role = node.get(i);
      String pointer = "/roles/" + i;
      if (!role.isTextual()) {
        throw new InvalidRequestException(pointer, "a role is a string, not " + role);
      }
      Role known = known(role.asText());
      if (known == null) {
        throw new InvalidRequestException(
            pointer,
            "unknown role " + role.asText() + "; roles are admin, secops, recall, auditor");
      }
      if (!roles.add(known)) {
        throw new InvalidRequestException(pointer, "role " + role.asText() + " is listed twice");
      }
    }
    return roles;
  }

  private static Role known(String role) {
    for (Role each : Role.values()) {
      if (each.name().toLowerCase(Locale.ROOT).equals(role)) {
        return each;
      }
    }
    return null;
  }

  private static Instant expiry(ObjectNode object, Instant now) {
    JsonNode node = object.get("expiresAt");
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidRequestException("/expiresAt", "expiresAt must be an RFC 3339 string");
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(node.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          "/expiresAt",
          "expiresAt " + node.asText() + " is not RFC 3339, e.g. 2027-01-31T18:00:00Z");
    }
    if (!at.isAfter(now)) {
      throw new InvalidRequestException(
          "/expiresAt", "expiresAt " + node.asText() + " is not in the future (now " + now + ")");
    }
    return at;
  }

  private static ProblemException badRequest(String detail) {
    return new ProblemException(
        Problem.of("bad-request", "Request body cannot be read", HttpStatus.BAD_REQUEST, detail));
  }
}
