package io.sealtrail.ingest.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Rebuilds the dedup state of newly owned submission partitions from the same partitions of the
 * compacted dedup topic, reading committed records only up to the last stable offset.
 */
public final class DedupRestorer {
  private static final Duration POLL = Duration.ofMillis(200);

  private final Supplier<Consumer<String, byte[]>> consumers;
  private final String submissionsTopic;
  private final String dedupTopic;
  private final Duration timeout;

  /**
   * @param consumers makes a read_committed consumer in the verifier group that never commits
   * @param timeout how long a restore may take before it fails as a transient Kafka error
   */
  public DedupRestorer(
      Supplier<Consumer<String, byte[]>> consumers,
      String submissionsTopic,
      String dedupTopic,
      Duration timeout) {
    this.consumers = consumers;
    this.submissionsTopic = submissionsTopic;
    this.dedupTopic = dedupTopic;
    this.timeout = timeout;
  }

  /**
   * Loads {@code partitions} into {@code state}, skipping entries received before cutoff. If the
   * restore fails, the partitions are not owned: nothing is verified against half a state.
   */
  public void restore(Collection<Integer> partitions, DedupState state, Instant cutoff) {
    partitions.forEach(state::own);
    try (Consumer<String, byte[]> consumer = consumers.get()) {
      // Waits until the previous owner's last transaction is decided: its dedup entries are then
      // either committed below the last stable offset, or aborted.
      consumer.committed(
          partitions.stream()
              .map(p -> new TopicPartition(submissionsTopic, p))
              .collect(Collectors.toSet()),
          timeout);
      readToEnd(consumer, partitions, state, cutoff);
    } catch (RuntimeException e) {
      state.drop(partitions);
      throw e;
    }
  }

  private void readToEnd(
      Consumer<String, byte[]> consumer,
      Collection<Integer> partitions,
      DedupState state,
      Instant cutoff) {
    List<TopicPartition> assigned =
        partitions.stream().map(p -> new TopicPartition(dedupTopic, p)).toList();
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
    Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!caughtUp(consumer, end)) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("dedup state of " + assigned + " not restored in " + timeout);
      }
      for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
        load(record, state, cutoff);
      }
    }
  }

  private static void load(
      ConsumerRecord<String, byte[]> record, DedupState state, Instant cutoff) {
    if (record.value() == null) {
      return; // a tombstone: the key was forgotten on purpose
    }
    DedupEntry entry = DedupEntry.fromBytes(record.value());
    if (!entry.receivedAt().isBefore(cutoff)) {
      state.put(record.partition(), record.key(), entry);
    }
  }

  private static boolean caughtUp(
      Consumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
