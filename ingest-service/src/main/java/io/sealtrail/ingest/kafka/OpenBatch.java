package io.sealtrail.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The records polled for the next transaction, not yet processed, and when that transaction is due:
 * once it holds {@link TransactionBounds#maxRecords()} records, or {@link
 * TransactionBounds#maxDelay()} after its first record was polled. The loop polls no longer than
 * until that moment ({@link #pollTimeout}), so a transaction commits on time even when no further
 * record arrives. Loop thread only.
 */
final class OpenBatch {
  private final TransactionBounds bounds;
  private final LongSupplier nanoTime;
  private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
  private long dueAt;

  OpenBatch(TransactionBounds bounds, LongSupplier nanoTime) {
    this.bounds = bounds;
    this.nanoTime = nanoTime;
  }

  void add(List<ConsumerRecord<String, byte[]>> polled) {
    if (polled.isEmpty()) {
      return;
    }
    if (records.isEmpty()) {
      dueAt = nanoTime.getAsLong() + bounds.maxDelay().toNanos();
    }
    records.addAll(polled);
  }

  boolean isEmpty() {
    return records.isEmpty();
  }

  int size() {
    return records.size();
  }

  /** Whether the transaction of these records must be written now. */
  boolean due() {
    return !records.isEmpty()
        && (records.size() >= bounds.maxRecords() || nanoTime.getAsLong() - dueAt >= 0);
  }

  /** How long the next poll may wait: {@code idle} when nothing is open, else until it is due. */
  Duration pollTimeout(Duration idle) {
    if (records.isEmpty()) {
      return idle;
    }
    long left = Math.max(0, dueAt - nanoTime.getAsLong());
    return left < idle.toNanos() ? Duration.ofNanos(left) : idle;
  }

  /** The records, in the order they were polled; the batch is empty afterwards. */
  List<ConsumerRecord<String, byte[]>> take() {
    List<ConsumerRecord<String, byte[]>> taken = List.copyOf(records);
    records.clear();
    return taken;
  }

  /**
   * Forgets the records of {@code partitions}, which this loop no longer owns: nothing was written
   * for them and their offsets were not committed, so their next owner reads them again.
   */
  void drop(Collection<TopicPartition> partitions) {
    records.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
  }
}
