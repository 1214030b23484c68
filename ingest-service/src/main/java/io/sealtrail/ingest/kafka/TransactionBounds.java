package io.sealtrail.ingest.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one transaction of a {@link TransactionalLoop} may gather before it commits: at most
 * {@code maxRecords} input records (more only when a single poll brings more), and no record waits
 * longer than {@code maxDelay} after it was polled. Each transaction pays a few broker round trips
 * (flush, offsets, commit) whatever its size, so gathering more records per transaction is what
 * raises throughput; the delay bound is what that may cost a record's latency when traffic is
 * light. A zero delay commits after every poll that returned records.
 */
public record TransactionBounds(int maxRecords, Duration maxDelay) {
  public TransactionBounds {
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxRecords < 1) {
      throw new IllegalArgumentException("maxRecords must be positive, got " + maxRecords);
    }
    if (maxDelay.isNegative()) {
      throw new IllegalArgumentException("maxDelay must not be negative, got " + maxDelay);
    }
  }
}
