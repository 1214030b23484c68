package io.sealtrail.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.pipeline.DryRun;

/**
 * The answer for one envelope of a request, at its index: accepted or duplicate with the event's
 * position on custody.events, or rejected with the stable reason and what it points at.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResult(
    int index,
    String status,
    String eventId,
    Integer partition,
    Long offset,
    String reason,
    String field,
    Integer signatureIndex,
    String detail) {

  /** Translates the gateway's committed outcome for the envelope at {@code index}. */
  public static EventResult of(int index, SubmissionResult result) {
    if (result instanceof SubmissionResult.Accepted a) {
      return position(index, "accepted", a.eventId(), a.partition(), a.offset());
    }
    if (result instanceof SubmissionResult.Duplicate d) {
      return position(index, "duplicate", d.eventId(), d.partition(), d.offset());
    }
    var r = (SubmissionResult.Rejected) result;
    return new EventResult(
        index,
        "rejected",
        null,
        null,
        null,
        r.reason().name(),
        r.field(),
        r.signatureIndex(),
        r.detail());
  }

  /** What a dry run found for the envelope at {@code index}: no position for a new event. */
  public static EventResult of(int index, DryRun.Result result) {
    if (result.rejection() != null) {
      return of(index, result.rejection());
    }
    return new EventResult(
        index,
        result.status(),
        result.eventId(),
        result.partition(),
        result.offset(),
        null,
        null,
        null,
        null);
  }

  private static EventResult position(
      int index, String status, String eventId, int partition, long offset) {
    return new EventResult(index, status, eventId, partition, offset, null, null, null, null);
  }

  public boolean rejected() {
    return "rejected".equals(status);
  }
}
