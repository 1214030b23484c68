package io.sealtrail.platform.query;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * The stores with a partition being restored from its changelog on this instance. Kafka Streams can
 * be RUNNING while a task it just took over still restores, and a read then would miss keys: such a
 * store answers 503, never a false 404.
 */
public final class RestoringStores implements StateRestoreListener {
  private final Map<String, Set<TopicPartition>> restoring = new ConcurrentHashMap<>();

  /** Whether any partition of {@code store} is being restored here. */
  public boolean isRestoring(String store) {
    Set<TopicPartition> partitions = restoring.get(store);
    return partitions != null && !partitions.isEmpty();
  }

  @Override
  public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
    restoring.computeIfAbsent(store, s -> ConcurrentHashMap.newKeySet()).add(partition);
  }

  @Override
  public void onBatchRestored(TopicPartition partition, String store, long end, long restored) {
    // Only the start and the end of a restoration matter here.
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    done(partition, store);
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
    done(partition, store);
  }

  private void done(TopicPartition partition, String store) {
    Set<TopicPartition> partitions = restoring.get(store);
    if (partitions != null) {
      partitions.remove(partition);
    }
  }
}
