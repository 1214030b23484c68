package io.sealtrail.bench.stream;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/** Counts the records a Streams instance restores and the span from first start to last end. */
public final class RestoreCounter implements StateRestoreListener {
  private final AtomicLong restored = new AtomicLong();
  private final AtomicLong firstStart = new AtomicLong();
  private final AtomicLong lastEnd = new AtomicLong();

  @Override
  public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
    firstStart.compareAndSet(0, System.nanoTime());
  }

  @Override
  public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long count) {
    restored.addAndGet(count);
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long total) {
    lastEnd.set(System.nanoTime());
  }

  public long records() {
    return restored.get();
  }

  public double seconds() {
    return (lastEnd.get() - firstStart.get()) / 1e9;
  }
}
