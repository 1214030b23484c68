package io.sealtrail.anomaly.spike;

import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.avro.common.Evidence;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The spike machinery shared by every spike kind: hits keyed by cohort, tallied per tumbling window
 * with bounded evidence, only final tallies (suppressed until the window closes), compared with the
 * baseline.
 */
public final class SpikeTopology {
  private SpikeTopology() {}

  /** Occurrences of {@code kind}'s incidents from {@code hits} (cohort key → evidence of a hit). */
  public static KStream<String, Occurrence> define(
      StreamsBuilder builder,
      KStream<String, Evidence> hits,
      Serde<Evidence> evidence,
      SpikeKind kind) {
    builder.addStateStore(stringStore(SpikeStores.baselines(kind)));
    builder.addStateStore(stringStore(SpikeStores.series(kind)));
    SpikeRules rules = kind.rules();
    return hits.groupByKey(Grouped.with(kind.named("cohorts"), Serdes.String(), evidence))
        .windowedBy(TimeWindows.ofSizeAndGrace(rules.window(), rules.grace()))
        .aggregate(
            Tally::empty,
            (cohort, hit, tally) -> tally.add(hit, kind.maxEvidence()),
            Named.as(kind.named("tally")),
            Materialized.<String, Tally, WindowStore<Bytes, byte[]>>as(SpikeStores.tallies(kind))
                .withKeySerde(Serdes.String())
                .withValueSerde(TallySerde.serde()))
        // One final tally per window: an open window's running count would alert many times.
        .suppress(
            Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                .withName(kind.named("final-counts")))
        .toStream(Named.as(kind.named("closed-windows")))
        .process(
            () -> new SpikeProcessor(kind),
            Named.as(kind.named("detector")),
            SpikeStores.baselines(kind),
            SpikeStores.series(kind));
  }

  private static StoreBuilder<KeyValueStore<String, String>> stringStore(String name) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String());
  }
}
