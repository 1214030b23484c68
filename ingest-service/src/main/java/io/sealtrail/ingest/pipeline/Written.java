package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.dedup.DedupEntry;
import io.sealtrail.ingest.gateway.Receipt;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.submission.Submission;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * How one submission of a batch ended once its decision was written (named so apart from the
 * client's public {@code Outcome}, a different idea). Results that name an event position may only
 * be read after the batch's sends are flushed.
 */
sealed interface Written {
  Submission submission();

  SubmissionResult result();

  void report(IngestListener listener);

  /** A new event, sent to {@code custody.events} in this batch. */
  record Accepted(
      Submission submission,
      String partnerId,
      int partition,
      String dedupKey,
      String eventId,
      String payloadSha256,
      Receipt receipt,
      Future<RecordMetadata> sent)
      implements Written {

    DedupEntry dedupEntry() {
      EventPosition position = EventPosition.of(sent);
      return new DedupEntry(
          payloadSha256, position.partition(), position.offset(), submission.receivedAt());
    }

    @Override
    public SubmissionResult result() {
      EventPosition position = EventPosition.of(sent);
      return new SubmissionResult.Accepted(
          eventId, position.partition(), position.offset(), receipt);
    }

    @Override
    public void report(IngestListener listener) {
      listener.accepted(submission.channel(), partnerId);
    }
  }

  /**
   * The same event again; answered with the original's position, nothing written. Also the
   * verifier's {@link Decision}, as nothing remains to send for it.
   */
  record Duplicate(
      Submission submission,
      String partnerId,
      String eventId,
      String payloadSha256,
      Supplier<EventPosition> original)
      implements Written, Decision {
    @Override
    public SubmissionResult result() {
      EventPosition position = original.get();
      return new SubmissionResult.Duplicate(eventId, position.partition(), position.offset());
    }

    @Override
    public void report(IngestListener listener) {
      listener.duplicate(submission.channel(), partnerId);
    }
  }

  /** Refused, and recorded on {@code custody.rejected} in this batch. */
  record Rejected(Submission submission, Rejection rejection) implements Written {
    @Override
    public SubmissionResult result() {
      return rejection.result();
    }

    @Override
    public void report(IngestListener listener) {
      listener.rejected(submission.channel(), rejection.reason(), rejection.claim().partnerId());
    }
  }
}
