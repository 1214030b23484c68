package io.sealtrail.anomaly.chart;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's spike stores through interactive queries. Cohorts are spread over the instances
 * by key; one instance holds them all (see the README for what several need).
 */
public final class SpikeStoreReader {
  private final KafkaStreams streams;

  public SpikeStoreReader(KafkaStreams streams) {
    this.streams = streams;
  }

  /** The string store {@code name}; {@link ChartsUnavailableException} while it is not ready. */
  public ReadOnlyKeyValueStore<String, String> store(String name) {
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new ChartsUnavailableException(name, e);
    }
  }
}
