package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.Evidence;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The spike machinery shared by every spike kind: hits keyed by cohort, tallied per tumbling window
 * with bounded evidence, each window judged against the baseline once it closes (on stream time or
 * on the wall clock, see {@link SpikeProcessor}), and the spikes of one window regrouped by window
 * (in one partition, so every detector's ticks reach it) and folded into one alert per incident.
 */
public final class SpikeTopology {
  private SpikeTopology() {}

  /**
   * The alerts of {@code kind}'s incidents, keyed by incident, each as it would open on its own,
   * from {@code hits} (cohort key → evidence of a hit).
   */
  public static KStream<String, Alert> define(
      StreamsBuilder builder,
      KStream<String, Evidence> hits,
      Serde<Evidence> evidence,
      Serde<Alert> alert,
      SpikeKind kind) {
    builder.addStateStore(stringStore(SpikeStores.baselines(kind)));
    builder.addStateStore(stringStore(SpikeStores.series(kind)));
    Serde<List<Alert>> spikes = Serdes.ListSerde(ArrayList.class, alert);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SpikeStores.pending(kind)),
            Serdes.String(),
            PendingWindow.serde(alert)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SpikeStores.folded(kind)), Serdes.String(), spikes));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SpikeStores.open(kind)),
            Serdes.String(),
            OpenWindow.serde()));
    KStream<String, Evidence> byCohort =
        hits.repartition(
            Repartitioned.with(Serdes.String(), evidence).withName(kind.named("cohorts")));
    // Windows are tallied and closed by the detector itself: on stream time, or on the wall clock
    // when no later event comes (suppress-until-window-closes waits for one for ever).
    KStream<String, List<Alert>> judged =
        byCohort.process(
            () -> new SpikeProcessor(kind),
            Named.as(kind.named("detector")),
            SpikeStores.open(kind),
            SpikeStores.baselines(kind),
            SpikeStores.series(kind));
    // Added after the detector, so on each hit the ticks follow the spikes it closed.
    KStream<String, List<Alert>> ticks =
        byCohort.process(
            () -> new StreamTimeTicks(kind), Named.as(kind.named("ticks")), SpikeStores.open(kind));
    return judged
        .merge(ticks, Named.as(kind.named("judged")))
        // Spikes are rare; one partition lets the fold see every detector's ticks and spikes.
        .repartition(
            Repartitioned.with(Serdes.String(), spikes)
                .withName(kind.named("windows"))
                .withNumberOfPartitions(1))
        .process(
            () -> new SpikeFoldProcessor(kind),
            Named.as(kind.named("fold")),
            SpikeStores.pending(kind),
            SpikeStores.folded(kind));
  }

  private static StoreBuilder<KeyValueStore<String, String>> stringStore(String name) {
    return Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String());
  }
}
