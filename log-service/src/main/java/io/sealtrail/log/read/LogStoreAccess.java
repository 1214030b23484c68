package io.sealtrail.log.read;

import java.time.Duration;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The sequencer's stores on this instance, active or standby: what the store holds is the log's
 * content up to its size, the same on every copy (a standby may only be shorter, which the reader
 * checks against the checkpoint it serves).
 */
public final class LogStoreAccess {
  private static final Duration RETRY = Duration.ofSeconds(2);

  private final KafkaStreams streams;

  public LogStoreAccess(KafkaStreams streams) {
    this.streams = streams;
  }

  /** The store {@code name}; a 503 while it is restoring or not on this instance. */
  public ReadOnlyKeyValueStore<Bytes, byte[]> store(String name) {
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(
                  name, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())
              .enableStaleStores());
    } catch (InvalidStateStoreException e) {
      throw new LogUnavailableException(
          "the log's store " + name + " is not available on this instance now", RETRY, e);
    }
  }
}
