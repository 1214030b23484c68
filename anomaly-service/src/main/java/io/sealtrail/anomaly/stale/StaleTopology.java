package io.sealtrail.anomaly.stale;

import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.avro.event.VerifiedEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/** The stale check wired into a topology: its watch store and its processor on custody events. */
public final class StaleTopology {
  private StaleTopology() {}

  /** Occurrences of {@code ATTESTATION_STALE}, keyed by serial, from {@code events}. */
  public static KStream<String, Occurrence> define(
      StreamsBuilder builder, KStream<String, VerifiedEvent> events, StaleRules rules) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StaleProcessor.STORE),
            Serdes.String(),
            Serdes.String()));
    // Events are keyed by serial already, so each serial's watch lives with its events.
    return events.process(
        () -> new StaleProcessor(rules), Named.as("anomaly-stale-processor"), StaleProcessor.STORE);
  }
}
