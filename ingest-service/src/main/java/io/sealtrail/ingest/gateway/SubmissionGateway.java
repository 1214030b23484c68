package io.sealtrail.ingest.gateway;

import io.sealtrail.ingest.submission.Submission;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The door the HTTP layer calls: hands submissions to the exactly-once verification pipeline and
 * completes with each one's committed outcome. Futures fail with {@link KafkaUnavailableException}
 * when Kafka does not take or answer a submission in time.
 */
public interface SubmissionGateway {
  /** The name of the loop that follows replies, in logs and in readiness. */
  String REPLY_FOLLOWER = "replyFollower";

  /**
   * Sends one submission.
   *
   * @throws IllegalArgumentException for an envelope above the size limit, or a submission id
   *     already waiting
   */
  CompletableFuture<SubmissionResult> submit(Submission submission);

  /** Sends every submission, then completes with their results in the same order. */
  CompletableFuture<List<SubmissionResult>> submitAll(List<Submission> submissions);

  /**
   * Completes when the gateway can no longer answer: exceptionally, with the cause, when the loop
   * that follows replies died. Readiness shows it as {@code replyFollower}. Never, by default.
   */
  default CompletableFuture<Void> stopped() {
    return new CompletableFuture<>();
  }
}
