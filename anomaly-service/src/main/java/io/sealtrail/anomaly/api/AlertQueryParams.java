package io.sealtrail.anomaly.api;

import io.micronaut.http.HttpParameters;
import io.sealtrail.anomaly.view.AlertQuery;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;

/** Reads {@code GET /v1/alerts}'s query parameters; a value it cannot read is 400 invalid-query. */
final class AlertQueryParams {
  private AlertQueryParams() {}

  static AlertQuery read(HttpParameters p) {
    return new AlertQuery(
        parse(p, "type", AlertType::valueOf, names(AlertType.values())),
        parse(p, "severity", Severity::valueOf, names(Severity.values())),
        parse(p, "status", AlertStatus::valueOf, names(AlertStatus.values())),
        p.get("serial"),
        p.get("site"),
        parse(p, "since", Instant::parse, "an RFC 3339 UTC time"),
        parse(p, "until", Instant::parse, "an RFC 3339 UTC time"),
        limit(p));
  }

  /** An RFC 3339 time parameter, or null when absent; 400 invalid-query when unreadable. */
  static Instant time(HttpParameters p, String name) {
    return parse(p, name, Instant::parse, "an RFC 3339 UTC time");
  }

  private static int limit(HttpParameters p) {
    String expected = "a whole number from 1 to " + AlertQuery.MAX_LIMIT;
    Integer limit = parse(p, "limit", Integer::valueOf, expected);
    if (limit == null) {
      return AlertQuery.DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > AlertQuery.MAX_LIMIT) {
      throw AlertProblems.invalidQuery("limit", p.get("limit"), expected);
    }
    return limit;
  }

  private static <T> T parse(
      HttpParameters p, String name, Function<String, T> reader, String expected) {
    String value = p.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return reader.apply(value);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw AlertProblems.invalidQuery(name, value, expected);
    }
  }

  private static String names(Enum<?>[] values) {
    return "one of " + Arrays.toString(values);
  }
}
