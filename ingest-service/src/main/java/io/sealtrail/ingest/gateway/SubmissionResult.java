package io.sealtrail.ingest.gateway;

import io.sealtrail.trust.RejectionReason;
import java.util.Objects;

/**
 * The answer to one submission, given only once it is durably committed in Kafka: accepted with the
 * event's position on {@code custody.events}, a duplicate answered with the original's position, or
 * rejected with a stable reason.
 */
public sealed interface SubmissionResult {

  /**
   * The event is committed on {@code custody.events} at this partition and offset.
   *
   * @param receipt its leaf in the transparency log and where to ask for its proof; null only in a
   *     reply an older ingest wrote
   */
  record Accepted(String eventId, int partition, long offset, Receipt receipt)
      implements SubmissionResult {
    public Accepted {
      Objects.requireNonNull(eventId, "eventId");
    }

    /** Without a receipt. */
    public Accepted(String eventId, int partition, long offset) {
      this(eventId, partition, offset, null);
    }
  }

  /** The same event was accepted before, at this partition and offset; nothing new was written. */
  record Duplicate(String eventId, int partition, long offset) implements SubmissionResult {
    public Duplicate {
      Objects.requireNonNull(eventId, "eventId");
    }
  }

  /**
   * The submission is not authentic, or reuses an eventId for other content.
   *
   * @param field JSON pointer of the offending field, or null
   * @param signatureIndex index of the offending signature, or null
   */
  record Rejected(RejectionReason reason, String field, Integer signatureIndex, String detail)
      implements SubmissionResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
