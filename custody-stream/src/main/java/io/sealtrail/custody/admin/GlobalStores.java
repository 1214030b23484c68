package io.sealtrail.custody.admin;

import io.sealtrail.platform.query.StoreUnavailableException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** This instance's copy of a global store, which every instance holds whole: no forwarding. */
public final class GlobalStores {
  private GlobalStores() {}

  /**
   * The global store {@code name} of {@code streams}, holding {@code what}.
   *
   * @throws StoreUnavailableException while the streams are not running (starting, restoring)
   */
  public static <V> ReadOnlyKeyValueStore<String, V> open(
      KafkaStreams streams, String name, String what) {
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(
              name, QueryableStoreTypes.<String, V>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new StoreUnavailableException(
          "the " + what + " are not readable yet: " + e.getMessage(), e);
    }
  }
}
