package io.sealtrail.log.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpParameters;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * {@code GET /v1/audit?since&until&actor&target&action&limit&after}: the audit chain's records,
 * oldest first, paged by index, for auditors and administrators ({@link AuditFilter}). A parameter
 * it cannot read is 400 {@code invalid-query} naming it.
 */
@Controller("/v1/audit")
@Requires(beans = AuditReader.class)
// Reads RocksDB: not on the event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditController {
  private static final String INSTANT = "an RFC 3339 time, e.g. 2026-12-07T09:00:00Z";

  private final AuditReader audit;

  AuditController(AuditReader audit) {
    this.audit = audit;
  }

  @Get(produces = "application/json")
  AuditPage list(HttpRequest<?> request) {
    return audit.find(query(request.getParameters()));
  }

  static AuditQuery query(HttpParameters p) {
    Instant since = parse(p, "since", Instant::parse, INSTANT);
    Instant until = parse(p, "until", Instant::parse, INSTANT);
    if (since != null && until != null && !since.isBefore(until)) {
      throw invalid("until", p.get("until"), "a time after since (" + since + ")");
    }
    Integer limit = parse(p, "limit", AuditController::number, "a whole number");
    String range = "a whole number from 1 to " + AuditQuery.MAX_LIMIT;
    if (limit != null && (limit < 1 || limit > AuditQuery.MAX_LIMIT)) {
      throw invalid("limit", p.get("limit"), range);
    }
    Long after = parse(p, "after", v -> (long) number(v), "a record index (a whole number from 0)");
    return new AuditQuery(
        since,
        until,
        text(p, "actor"),
        text(p, "target"),
        text(p, "action"),
        limit == null ? AuditQuery.DEFAULT_LIMIT : limit,
        after);
  }

  /** Decimal digits only, below 2^31. */
  private static int number(String value) {
    if (!value.matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(value);
    }
    return Integer.parseInt(value);
  }

  private static String text(HttpParameters p, String name) {
    String value = p.get(name);
    return value == null || value.isEmpty() ? null : value;
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
      throw invalid(name, value, expected);
    }
  }

  private static ProblemException invalid(String parameter, String value, String expected) {
    return new ProblemException(
        Problem.of(
                "invalid-query",
                "Query parameter cannot be read",
                HttpStatus.BAD_REQUEST,
                "parameter " + parameter + "=" + value + ": expected " + expected)
            .field("/" + parameter));
  }
}
