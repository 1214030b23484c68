package io.sealtrail.custody.process;

import io.sealtrail.platform.kafka.InputLag;

/**
 * The events topic a custody task reads and how far its consumer is behind a partition of it: what
 * tells an idle task from a starved one before it says it is caught up ({@link Watermarks}).
 */
public record InputPartition(String topic, InputLag lag) {
  /** True unless the consumer knows of records of {@code partition} it has not yet fetched. */
  boolean drained(int partition) {
    return lag.of(topic, partition).orElse(0L) <= 0;
  }
}
