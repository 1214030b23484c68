package io.sealtrail.custody.sequence;

import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.custody.process.Storage;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * The named persistent stores of the sequence processor, partitioned by stream ({@link StreamKey});
 * their names also name their changelog topics, so they never change.
 */
final class SequenceStores {
  /** Stream, newline, zero-padded number → the first event given that number. */
  static final String NUMBERS = "custody-sequence-numbers-store";

  /** Stream → the number after the highest seen (0 before any). */
  static final String FRONTIERS = "custody-sequence-frontiers-store";

  /**
   * Stream, newline, zero-padded number of the first event after a run of missing numbers → the
   * SEQUENCE_GAP held for the grace, its run in the attributes {@code missingFrom}/{@code
   * missingTo}.
   */
  static final String GAPS = "custody-sequence-gaps-store";

  private SequenceStores() {}

  static void addTo(StreamsBuilder builder, CustodyTopics topics, Storage storage) {
    builder.addStateStore(storage.store(NUMBERS, topics.events().valueSerde()));
    builder.addStateStore(storage.store(FRONTIERS, Serdes.Long()));
    builder.addStateStore(storage.store(GAPS, topics.violations().valueSerde()));
  }
}
