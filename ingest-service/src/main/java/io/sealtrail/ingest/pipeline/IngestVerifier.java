package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestListener;
import io.sealtrail.ingest.dedup.DedupRestorer;
import io.sealtrail.ingest.kafka.ClientSettings;
import io.sealtrail.ingest.kafka.TransactionalLoop;
import io.sealtrail.ingest.topics.IngestTopics;
import io.sealtrail.trust.SubmissionVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The verification pipeline of one instance: consumes {@code custody.ingest.submissions} in the
 * verifier group and, exactly once per submission, writes its event or rejection, its dedup entry
 * and its reply. Run one per instance; instances share the partitions.
 */
public final class IngestVerifier implements AutoCloseable {
  static final String GROUP = "verifier";
  // Long enough for a fenced zombie's transaction to be aborted by the coordinator.
  private static final Duration RESTORE_TIMEOUT =
      ClientSettings.TRANSACTION_TIMEOUT.plusSeconds(30);

  private final TransactionalLoop loop;

  public IngestVerifier(
      IngestConfig config,
      SubmissionVerifier verifier,
      OutputSerializers serializers,
      IngestListener listener,
      Clock clock) {
    ClientSettings settings = new ClientSettings(config);
    IngestTopics topics = config.topics();
    this.loop =
        new TransactionalLoop(
            "ingest-verifier-" + config.instanceId(),
            topics.submissions(),
            new KafkaConsumer<>(settings.loopConsumer(GROUP)),
            new KafkaProducer<>(settings.transactionalProducer(GROUP)),
            batches(config, settings, verifier, serializers, listener, clock));
  }

  private static VerifierBatches batches(
      IngestConfig config,
      ClientSettings settings,
      SubmissionVerifier verifier,
      OutputSerializers serializers,
      IngestListener listener,
      Clock clock) {
    IngestTopics topics = config.topics();
    var judge = new SubmissionJudge(verifier, new ClockSkew(config.clockSkew()));
    var decider = new SubmissionDecider(judge, serializers, topics.events(), topics.rejected());
    var restorer =
        new DedupRestorer(
            () -> new KafkaConsumer<>(settings.restoreConsumer(GROUP)),
            topics.submissions(),
            topics.dedup(),
            RESTORE_TIMEOUT);
    return new VerifierBatches(
        decider, restorer, topics.dedup(), topics.replies(), listener, clock, config.dedupWindow());
  }

  /** Starts consuming on the pipeline's own thread. */
  public void start() {
    loop.start();
  }

  /**
   * Completes normally after {@link #close()}, exceptionally when the pipeline stopped on an error
   * it cannot recover from (e.g. it was fenced); the host should then restart the instance.
   */
  public CompletableFuture<Void> stopped() {
    return loop.stopped();
  }

  /**
   * Finishes the current batch and stops; what is not committed is read again by the next owner.
   */
  @Override
  public void close() throws InterruptedException {
    loop.close();
  }
}
