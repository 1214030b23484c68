package io.sealtrail.log.audit;

import io.micronaut.core.annotation.Nullable;
import io.sealtrail.avro.audit.AuditRecord;
import java.time.Instant;

/**
 * What {@code GET /v1/audit} asks for: records after index {@code after} (exclusive; from the first
 * when null), in chain order, at most {@code limit} of those that match every filter given. A
 * filter left null matches all; {@code since} is inclusive, {@code until} exclusive.
 */
public record AuditQuery(
    @Nullable Instant since,
    @Nullable Instant until,
    @Nullable String actor,
    @Nullable String target,
    @Nullable String action,
    int limit,
    @Nullable Long after) {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }

  boolean matches(AuditRecord record) {
    return (since == null || !record.getAt().isBefore(since))
        && (until == null || record.getAt().isBefore(until))
        && (actor == null || actor.contentEquals(record.getActor()))
        && (target == null || target.contentEquals(record.getTarget()))
        && (action == null || action.contentEquals(record.getAction()));
  }
}
