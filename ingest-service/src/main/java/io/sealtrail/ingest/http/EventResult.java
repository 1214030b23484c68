package io.sealtrail.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.ingest.gateway.Receipt;
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
    String detail,
    ReceiptBody receipt) {

  /**
   * An accepted event's receipt: its leaf hash in the transparency log (standard base64) and the
   * path that answers its index and inclusion proof once the log has checkpointed it.
   */
  @Serdeable
  public record ReceiptBody(String leafHash, String inclusionProof) {
    static ReceiptBody of(Receipt receipt) {
      return receipt == null ? null : new ReceiptBody(receipt.leafHash(), receipt.inclusionProof());
    }
  }

  /** Translates the gateway's committed outcome for the envelope at {@code index}. */
  public static EventResult of(int index, SubmissionResult result) {
    if (result instanceof SubmissionResult.Accepted a) {
      return new EventResult(
          index,
          "accepted",
          a.eventId(),
          a.partition(),
          a.offset(),
          null,
          null,
          null,
          null,
          ReceiptBody.of(a.receipt()));
    }
    if (result instanceof SubmissionResult.Duplicate d) {
      return new EventResult(
          index, "duplicate", d.eventId(), d.partition(), d.offset(), null, null, null, null, null);
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
        r.detail(),
        null);
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
        null,
        null);
  }

  public boolean rejected() {
    return "rejected".equals(status);
  }
}
