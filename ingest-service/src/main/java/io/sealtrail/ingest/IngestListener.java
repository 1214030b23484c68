package io.sealtrail.ingest;

import io.sealtrail.ingest.submission.Channel;
import io.sealtrail.trust.RejectionReason;
import java.util.Set;

/**
 * Hears every committed outcome, e.g. to count them as metrics. Called on the verifier thread right
 * after a transaction commits, so implementations must be quick and must not throw.
 */
public interface IngestListener {
  IngestListener NONE = new IngestListener() {};

  default void accepted(Channel channel) {}

  default void duplicate(Channel channel) {}

  default void rejected(Channel channel, RejectionReason reason) {}

  /** The submission partitions this instance owns, after each rebalance and state restore. */
  default void partitionsOwned(Set<Integer> partitions) {}
}
