package io.sealtrail.custody.hold;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.sealtrail.avro.hold.HoldKind;
import io.sealtrail.avro.hold.HoldStatus;
import io.sealtrail.platform.http.JsonRequest;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the bodies and filters of the holds API, refusing each mistake with 400 {@code
 * invalid-request} and the JSON pointer (or query parameter) at fault. Unknown fields are refused
 * too, so a body cannot carry an actor ({@code placedBy}, {@code by}): the actor is the caller.
 */
final class HoldRequests {
  static final int MAX_ID = 128;
  private static final Pattern IMAGE = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final JsonMapper json;

  HoldRequests(JsonMapper json) {
    this.json = json;
  }

  /** What {@code POST /v1/holds} asks for. */
  record Placement(HoldKind kind, String id, String reason, @Nullable String alertId) {}

  /** What {@code GET /v1/holds} filters on; null matches all. */
  record Filter(@Nullable HoldKind kind, @Nullable HoldStatus status, @Nullable String id) {}

  Placement placement(@Nullable String body) {
    JsonRequest fields =
        JsonRequest.read(json, body, Set.of("kind", "id", "reason", "alertId"), "hold request");
    HoldKind kind = kind(fields.required("kind"), "/kind");
    String id = fields.required("id");
    if (kind == HoldKind.FIRMWARE) {
      if (!IMAGE.matcher(id).matches()) {
        throw invalid(
            "/id", "a FIRMWARE hold's id is the image's SHA-256: 64 hex digits, got " + quote(id));
      }
      id = id.toLowerCase(Locale.ROOT);
    } else {
      checkName(id, "/id", kind.name().toLowerCase(Locale.ROOT));
    }
    String reason = fields.required("reason");
    String alertId = fields.text("alertId");
    if (alertId != null) {
      checkName(alertId, "/alertId", "alert id");
    }
    return new Placement(kind, id, reason, alertId);
  }

  /** The reason of {@code POST /v1/holds/{holdId}/release}. */
  String releaseReason(@Nullable String body) {
    return JsonRequest.read(json, body, Set.of("reason"), "hold request").required("reason");
  }

  static Filter filter(@Nullable String kind, @Nullable String status, @Nullable String id) {
    return new Filter(
        blank(kind) ? null : parse(HoldKind.class, kind, "kind"),
        blank(status) ? null : parse(HoldStatus.class, status, "status"),
        blank(id) ? null : id);
  }

  private static HoldKind kind(String text, String field) {
    try {
      return HoldKind.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw invalid(
          field,
          "kind must be one of " + Arrays.toString(HoldKind.values()) + ", got " + quote(text));
    }
  }

  private static void checkName(String id, String field, String what) {
    if (id.length() > MAX_ID || CONTROL.matcher(id).find() || !id.equals(id.strip())) {
      throw invalid(
          field,
          "a "
              + what
              + " is 1 to "
              + MAX_ID
              + " characters without control characters or surrounding spaces, got "
              + quote(id));
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          Problem.of(
                  "invalid-request",
                  "Request not valid",
                  HttpStatus.BAD_REQUEST,
                  name
                      + " must be one of "
                      + Arrays.toString(type.getEnumConstants())
                      + ", got "
                      + quote(value))
              .field(name));
    }
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isEmpty();
  }

  static ProblemException invalid(String pointer, String detail) {
    return JsonRequest.invalid(pointer, detail);
  }

  private static String quote(String text) {
    return JsonRequest.quote(text);
  }
}
