package io.sealtrail.anomaly.spike;

import io.sealtrail.anomaly.alert.Occurrence;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The spike machinery shared by every spike kind: hits keyed by cohort, counted per tumbling
 * window, only final counts (suppressed until the window closes), compared with the baseline.
 */
public final class SpikeTopology {
  private SpikeTopology() {}

  /** Occurrences of {@code kind}'s incidents from {@code hits} (cohort key → hit id). */
  public static KStream<String, Occurrence> define(
      StreamsBuilder builder, KStream<String, String> hits, SpikeKind kind) {
    String baselines = kind.named("baselines-store");
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(baselines), Serdes.String(), Serdes.String()));
    SpikeRules rules = kind.rules();
    return hits.groupByKey(Grouped.with(kind.named("cohorts"), Serdes.String(), Serdes.String()))
        .windowedBy(TimeWindows.ofSizeAndGrace(rules.window(), rules.grace()))
        .count(
            Named.as(kind.named("count")),
            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(kind.named("counts-store"))
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long()))
        // One final count per window: an open window's running count would alert many times.
        .suppress(
            Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                .withName(kind.named("final-counts")))
        .toStream(Named.as(kind.named("closed-windows")))
        .process(() -> new SpikeProcessor(kind), Named.as(kind.named("detector")), baselines);
  }
}
