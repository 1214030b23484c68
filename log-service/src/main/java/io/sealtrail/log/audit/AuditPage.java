package io.sealtrail.log.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.avro.audit.AuditRecord;
import java.util.List;

/**
 * One page of {@code GET /v1/audit}: the matching records in chain order and, when more may match,
 * {@code next}, the index to pass as {@code after} for the next page (null on the last page).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditPage(List<Entry> records, @Nullable Long next) {

  /**
   * One record as the chain holds it: every field the hash covers, so that a reader can recompute
   * it; {@code at} in RFC 3339 (UTC, milliseconds as stored), absent digests null.
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Entry(
      long index,
      String actor,
      String at,
      String action,
      String target,
      String requestId,
      @Nullable String beforeSha256,
      @Nullable String afterSha256,
      String prevHash,
      String hash) {

    static Entry of(AuditRecord r) {
      return new Entry(
          r.getIndex(),
          r.getActor().toString(),
          r.getAt().toString(),
          r.getAction().toString(),
          r.getTarget().toString(),
          r.getRequestId().toString(),
          r.getBeforeSha256() == null ? null : r.getBeforeSha256().toString(),
          r.getAfterSha256() == null ? null : r.getAfterSha256().toString(),
          r.getPrevHash().toString(),
          r.getHash().toString());
    }
  }
}
