package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.dedup.DedupRestorer;
import io.sealtrail.ingest.dedup.DedupState;
import io.sealtrail.ingest.gateway.ReplyCodec;
import io.sealtrail.ingest.kafka.BatchHandler;
import io.sealtrail.ingest.metrics.IngestListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The verifier's work per batch of submissions: decide each one, write events and rejections, flush
 * to learn the events' positions, then write dedup entries and replies, all in the loop's
 * transaction. Owns the dedup state of the assigned partitions, restored on assignment.
 *
 * <p>Each poll's records are examined (parsed, verified, read) on the {@link Examinations} pool as
 * soon as they are polled, and each authentic event is encoded there too ({@link Examination});
 * deciding against the dedup state and writing stay on the loop thread, in the order of the records
 * (ADR 16).
 */
final class VerifierBatches implements BatchHandler {
  private final SubmissionDecider decider;
  private final Examinations<Examination> examinations;
  private final DecisionWriter writer;
  private final OutcomeWriter outcomeWriter;
  private final DedupState state = new DedupState();
  private final DedupRestorer restorer;
  private final String dedupTopic;
  private final String repliesTopic;
  private final IngestListener listener;
  private final Clock clock;
  private final Duration window;
  private BatchDedup batch = new BatchDedup(state);
  private List<Written> outcomes = List.of();

  VerifierBatches(
      SubmissionDecider decider,
      Examinations<Examination> examinations,
      DecisionWriter writer,
      OutcomeWriter outcomeWriter,
      DedupRestorer restorer,
      String dedupTopic,
      String repliesTopic,
      IngestListener listener,
      Clock clock,
      Duration window) {
    this.decider = decider;
    this.examinations = examinations;
    this.writer = writer;
    this.outcomeWriter = outcomeWriter;
    this.restorer = restorer;
    this.dedupTopic = dedupTopic;
    this.repliesTopic = repliesTopic;
    this.listener = listener;
    this.clock = clock;
    this.window = window;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    List<Integer> fresh =
        partitions.stream().map(TopicPartition::partition).filter(p -> !state.owns(p)).toList();
    if (!fresh.isEmpty()) {
      restorer.restore(fresh, state, clock.instant().minus(window));
    }
    listener.partitionsOwned(state.owned());
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    examinations.forget(partitions);
    state.drop(partitions.stream().map(TopicPartition::partition).toList());
    listener.partitionsOwned(state.owned());
  }

  @Override
  public void polled(List<ConsumerRecord<String, byte[]>> records) {
    examinations.start(records);
  }

  @Override
  public void process(
      List<ConsumerRecord<String, byte[]>> records, Producer<String, byte[]> producer) {
    state.expireBefore(clock.instant().minus(window));
    batch = new BatchDedup(state);
    List<Written> decided = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> record : records) {
      if (!state.owns(record.partition())) {
        throw new IllegalStateException("no dedup state for partition " + record.partition());
      }
      Examination examination = examinations.take(record);
      Decision decision = decider.decide(examination.examined(), batch);
      decided.add(writer.write(decision, examination.encoded(), batch, producer));
    }
    producer.flush(); // the events' positions are known from here on
    answer(decided, producer);
    outcomes = decided;
  }

  /**
   * Writes each submission's reply and its partner's outcome record, and the dedup entry of each
   * accepted event.
   */
  private void answer(List<Written> decided, Producer<String, byte[]> producer) {
    for (Written outcome : decided) {
      producer.send(
          new ProducerRecord<>(
              repliesTopic,
              outcome.submission().submissionId(),
              ReplyCodec.encode(outcome.result())));
      outcomeWriter.write(outcome, producer);
    }
    for (Written.Accepted accepted : batch.pending()) {
      producer.send(
          new ProducerRecord<>(
              dedupTopic,
              accepted.partition(),
              accepted.dedupKey(),
              accepted.dedupEntry().toBytes()));
    }
  }

  @Override
  public void committed() {
    batch.commit();
    outcomes.forEach(outcome -> outcome.report(listener));
    outcomes = List.of();
  }

  @Override
  public void aborted() {
    batch.discard();
    outcomes = List.of();
    examinations.forgetAll(); // the batch is read again, as new records
  }

  @Override
  public void closed() {
    examinations.close();
  }
}
