package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.dedup.DedupRestorer;
import io.sealtrail.ingest.kafka.ClientSettings;
import io.sealtrail.ingest.kafka.LoopService;
import io.sealtrail.ingest.kafka.TransactionalLoop;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.outcome.OutcomeTopics;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.partner.PartnerDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The verification pipeline of one instance: consumes {@code custody.ingest.submissions} in the
 * verifier group and, exactly once per submission, writes its event or rejection, its dedup entry
 * and its reply. Run one per instance; instances share the partitions. {@link #close()} lets the
 * current batch commit; what is not committed is read again by the next owner.
 */
public final class IngestVerifier extends LoopService {
  static final String GROUP = "verifier";
  // Long enough for a fenced zombie's transaction to be aborted by the coordinator.
  private static final Duration RESTORE_TIMEOUT =
      ClientSettings.TRANSACTION_TIMEOUT.plusSeconds(30);

  public IngestVerifier(
      IngestConfig config,
      SubmissionVerifier verifier,
      OutputSerializers serializers,
      OutcomeTopics outcomes,
      Supplier<PartnerDirectory> directory,
      IngestListener listener,
      Clock clock) {
    super(
        TransactionalLoop.of(
            new ClientSettings(config),
            GROUP,
            config.instanceId(),
            config.topics().submissions(),
            batches(config, verifier, serializers, outcomes, directory, listener, clock)));
  }

  private static VerifierBatches batches(
      IngestConfig config,
      SubmissionVerifier verifier,
      OutputSerializers serializers,
      OutcomeTopics outcomes,
      Supplier<PartnerDirectory> directory,
      IngestListener listener,
      Clock clock) {
    IngestConfig.Topics topics = config.topics();
    ClientSettings settings = new ClientSettings(config);
    var decider = SubmissionDecider.of(config, verifier, listener);
    var writer = new DecisionWriter(serializers, topics.events(), topics.rejected(), listener);
    var restorer =
        new DedupRestorer(
            () -> new KafkaConsumer<>(settings.restoreConsumer(GROUP)),
            topics.submissions(),
            topics.dedup(),
            RESTORE_TIMEOUT);
    var examinations =
        new Examinations<>(
            Examinations.pool(
                "ingest-verify-" + config.instanceId(), config.pipeline().verifyThreads()),
            // The pool also encodes each authentic event, so the loop thread only sends it.
            record -> Examination.of(record, decider, writer));
    return new VerifierBatches(
        decider,
        examinations,
        writer,
        new OutcomeWriter(outcomes, serializers.outcomes(), directory),
        restorer,
        topics.dedup(),
        topics.replies(),
        listener,
        clock,
        config.dedupWindow());
  }
}
