package io.sealtrail.ingest.gateway;

import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.kafka.ClientSettings;
import io.sealtrail.ingest.kafka.SendTimer;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.ingest.submission.SubmissionRecords;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;

/**
 * The HTTP door into the pipeline: writes each submission to the submissions topic (idempotent,
 * acks=all) and completes when its committed reply arrives. Every instance follows all reply
 * partitions and picks out its own; see ADR 0004 for the trade-off. Thread-safe.
 */
public final class KafkaSubmissionGateway implements SubmissionGateway, AutoCloseable {
  // What a caller is told to wait; over HTTP, EventsController answers with the configured
  // sealtrail.http.retry-after instead, the same as for a stale partner directory.
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  /**
   * The largest envelope accepted, well below Kafka's default 1 MiB record limit; the HTTP layer
   * should refuse larger bodies (413) before calling {@link #submit}.
   */
  public static final int MAX_ENVELOPE_BYTES = 512 * 1024;

  private final String submissionsTopic;
  private final Duration replyTimeout;
  private final Duration kafkaTimeout;
  private final Producer<String, byte[]> producer;
  private final PendingReplies pending = new PendingReplies();
  private final ReplyFollower replies;
  private final IngestListener listener;

  public KafkaSubmissionGateway(IngestConfig config) {
    this(config, IngestListener.NONE);
  }

  /**
   * A gateway that reports how long Kafka took to acknowledge each submission to {@code listener}.
   */
  public KafkaSubmissionGateway(IngestConfig config, IngestListener listener) {
    this.listener = listener;
    ClientSettings settings = new ClientSettings(config);
    this.submissionsTopic = config.topics().submissions();
    this.replyTimeout = config.replyTimeout();
    this.kafkaTimeout = config.kafkaTimeout();
    this.producer = new KafkaProducer<>(settings.gatewayProducer());
    this.replies =
        new ReplyFollower(
            new KafkaConsumer<>(settings.standaloneConsumer("latest")),
            config.topics().replies(),
            pending,
            kafkaTimeout);
    replies
        .stopped()
        .whenComplete(
            (done, failure) -> {
              if (failure != null) {
                pending.failAll(unavailable("the replies topic is no longer followed", failure));
              }
            });
  }

  /**
   * Starts following replies; fails with {@link KafkaUnavailableException} if Kafka cannot be
   * reached.
   */
  public void start() throws InterruptedException {
    if (!replies.start()) {
      throw unavailable("cannot follow the replies topic within " + kafkaTimeout, null);
    }
  }

  @Override
  public CompletableFuture<SubmissionResult> submit(Submission submission) {
    if (submission.size() > MAX_ENVELOPE_BYTES) {
      throw new IllegalArgumentException(
          "envelope of " + submission.size() + " bytes exceeds " + MAX_ENVELOPE_BYTES);
    }
    String id = submission.submissionId();
    if (replies.stopped().isCompletedExceptionally()) {
      return CompletableFuture.failedFuture(unavailable("the replies topic is not followed", null));
    }
    CompletableFuture<SubmissionResult> result = pending.register(id);
    try {
      var timer = SendTimer.start(submissionsTopic, listener);
      producer.send(
          SubmissionRecords.toRecord(submissionsTopic, submission),
          (metadata, error) -> {
            timer.onCompletion(metadata, error);
            if (error != null) {
              pending.fail(id, unavailable("Kafka did not take submission " + id, error));
            }
          });
    } catch (KafkaException e) {
      pending.fail(id, unavailable("Kafka did not take submission " + id, e));
    }
    CompletableFuture.delayedExecutor(replyTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () ->
                pending.fail(
                    id, unavailable("no outcome for " + id + " within " + replyTimeout, null)));
    return result;
  }

  @Override
  public CompletableFuture<List<SubmissionResult>> submitAll(List<Submission> submissions) {
    List<CompletableFuture<SubmissionResult>> results =
        submissions.stream().map(this::submit).toList();
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenApply(done -> results.stream().map(CompletableFuture::join).toList());
  }

  /**
   * Completes exceptionally if the gateway can no longer answer (its reply follower failed); the
   * host should then close it and start a new one.
   */
  @Override
  public CompletableFuture<Void> stopped() {
    return replies.stopped();
  }

  private static KafkaUnavailableException unavailable(String message, Throwable cause) {
    return new KafkaUnavailableException(message, RETRY_AFTER, cause);
  }

  @Override
  public void close() throws InterruptedException {
    producer.close(kafkaTimeout);
    replies.close();
  }
}
