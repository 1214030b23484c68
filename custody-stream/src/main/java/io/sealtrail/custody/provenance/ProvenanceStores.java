package io.sealtrail.custody.provenance;

import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.custody.process.Storage;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * The named persistent stores of component provenance; their names also name their changelog
 * topics, so they never change.
 */
final class ProvenanceStores {
  /** Lot → its earliest {@code COMPONENT_RECEIVED} in event time (partitioned by lot). */
  static final String RECEIPTS = "custody-provenance-receipts-store";

  /**
   * Lot, newline, assembly time, newline, violation id ({@link HeldAssemblies}) → the
   * UNVERIFIED_COMPONENT held for the grace: an assembly naming the lot before any receipt of it
   * (partitioned by lot).
   */
  static final String UNVERIFIED = "custody-provenance-unverified-store";

  /**
   * Component key ({@link ComponentKeys}) → the earliest {@code ASSEMBLED} in event time naming
   * that component serial (partitioned by component).
   */
  static final String ASSEMBLIES = "custody-provenance-assemblies-store";

  /**
   * Each custody task's watermark and frontier as the lot task read them in its own input ({@link
   * io.sealtrail.custody.lineage.LineageWatermarks}), keyed and valued as in the releases store.
   */
  static final String WATERMARKS = "custody-provenance-watermarks-store";

  private ProvenanceStores() {}

  static void addTo(StreamsBuilder builder, CustodyTopics topics, Storage storage) {
    builder.addStateStore(storage.store(RECEIPTS, topics.events().valueSerde()));
    builder.addStateStore(storage.store(UNVERIFIED, topics.violations().valueSerde()));
    builder.addStateStore(storage.store(ASSEMBLIES, topics.events().valueSerde()));
    builder.addStateStore(storage.store(WATERMARKS, Serdes.ByteArray()));
  }
}
