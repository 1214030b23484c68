package io.sealtrail.ingest.metrics;

import io.sealtrail.ingest.submission.Channel;
import io.sealtrail.trust.RejectionReason;
import java.time.Duration;
import java.util.Set;

/**
 * Hears every committed outcome and the timings behind them, e.g. to count them as metrics.
 * Outcomes are called on the verifier thread right after a transaction commits, timings on the
 * thread that measured them (the verifier, or a Kafka producer's I/O thread); implementations must
 * be quick, thread-safe and must not throw.
 */
public interface IngestListener {
  IngestListener NONE = new IngestListener() {};

  /** A new event of {@code partnerId} is on custody.events. */
  default void accepted(Channel channel, String partnerId) {}

  /** The same event of {@code partnerId} again; nothing written. */
  default void duplicate(Channel channel, String partnerId) {}

  /**
   * A refusal, recorded on custody.rejected; {@code claimedPartnerId} is what the payload claims
   * (unauthenticated, any string) or null when it could not be read.
   */
  default void rejected(Channel channel, RejectionReason reason, String claimedPartnerId) {}

  /** One call of the trust verifier (signatures, keys, partner, role, site) took {@code took}. */
  default void verified(Duration took) {}

  /**
   * A record sent to {@code topic} was acknowledged by Kafka ({@code acknowledged}) or failed,
   * {@code took} after the send.
   */
  default void sent(String topic, Duration took, boolean acknowledged) {}

  /** The submission partitions this instance owns, after each rebalance and state restore. */
  default void partitionsOwned(Set<Integer> partitions) {}
}
