package io.sealtrail.custody.hold;

import io.sealtrail.avro.hold.Hold;
import io.sealtrail.platform.query.StoreUnavailableException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Where the holds API reads the holds: this instance's copy of the global hold store, which holds
 * every hold, so any instance answers any hold without forwarding.
 */
@FunctionalInterface
public interface HoldShelf {
  /**
   * The holds as this instance holds them now.
   *
   * @throws StoreUnavailableException while the streams are not running (starting, restoring)
   */
  HoldBook book();

  static HoldShelf over(KafkaStreams streams) {
    return () -> {
      try {
        ReadOnlyKeyValueStore<String, Hold> store =
            streams.store(
                StoreQueryParameters.fromNameAndType(
                    HoldStore.NAME, QueryableStoreTypes.<String, Hold>keyValueStore()));
        return new HoldBook(store);
      } catch (InvalidStateStoreException e) {
        throw new StoreUnavailableException("the holds are not readable yet: " + e.getMessage(), e);
      }
    };
  }
}
