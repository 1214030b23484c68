package io.sealtrail.platform.audit;

import io.micronaut.core.annotation.Nullable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One administrative or operational action, as the service that took it reports it: who (the
 * authenticated caller's name), what ({@link AuditActions}), on what (e.g. {@code partner:acme},
 * {@code alert:<id>}, {@code hold:<id>}, {@code user:<name>}), when, under which request, and the
 * SHA-256 of the target's representation before and after (absent where there was none). The audit
 * log chains these records; nothing secret goes into one (a token is never its digest's input).
 */
public record AuditEntry(
    String actor,
    String action,
    String target,
    String requestId,
    Instant at,
    @Nullable String beforeSha256,
    @Nullable String afterSha256) {
  public AuditEntry {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(at, "at");
  }

  /** The lower-case hex SHA-256 of {@code representation}, or null when there is none. */
  @Nullable
  public static String digest(@Nullable byte[] representation) {
    if (representation == null) {
      return null;
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(representation));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
