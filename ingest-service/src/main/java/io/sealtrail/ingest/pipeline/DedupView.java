package io.sealtrail.ingest.pipeline;

import java.util.Optional;

/**
 * The accepted events deduplication consults: the verifier's batch over its partitions' dedup state
 * ({@link BatchDedup}), or a dry run's view of what the partner's outcomes say was accepted.
 */
interface DedupView {
  /**
   * The event accepted under ({@code partnerId}, {@code eventId}) on submissions {@code partition}.
   */
  Optional<BatchDedup.Known> find(int partition, String partnerId, String eventId);
}
