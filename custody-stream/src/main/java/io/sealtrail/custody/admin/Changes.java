package io.sealtrail.custody.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.auth.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * What the APIs that change things (holds, campaigns) need of a request: its request id for the
 * audit log, an id for what it creates that a retry of it finds again, the time of the change as
 * Avro keeps it, and the digest of a view for the audit log.
 */
public final class Changes {
  /** The header a client sets so that a retry of its request is recognised. */
  public static final String REQUEST_ID = "X-Request-Id";

  private Changes() {}

  /** The request's {@code X-Request-Id}, or a new UUID when it sent none. */
  public static String requestId(HttpRequest<?> request) {
    return sent(request).orElseGet(() -> UUID.randomUUID().toString());
  }

  /**
   * An id for what {@code request} creates: derived from the caller and its request id when it sent
   * one, so that its retry names the same thing; else a new UUID.
   */
  public static String idFor(HttpRequest<?> request, Caller caller) {
    return sent(request)
        .map(
            id ->
                UUID.nameUUIDFromBytes((caller.name() + "\n" + id).getBytes(StandardCharsets.UTF_8))
                    .toString())
        .orElseGet(() -> UUID.randomUUID().toString());
  }

  /**
   * Now, in milliseconds: Avro keeps milliseconds, so the answer, the store and the topic agree.
   */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The SHA-256 of {@code view}'s JSON, for an audit entry's before or after. */
  public static String digest(JsonMapper json, Object view) {
    try {
      return AuditEntry.digest(json.writeValueAsBytes(view));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> sent(HttpRequest<?> request) {
    return request.getHeaders().findFirst(REQUEST_ID).filter(id -> !id.isBlank());
  }
}
