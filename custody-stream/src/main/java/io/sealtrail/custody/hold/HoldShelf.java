package io.sealtrail.custody.hold;

import io.sealtrail.avro.hold.Hold;
import io.sealtrail.custody.admin.GlobalStores;
import io.sealtrail.platform.query.StoreUnavailableException;
import org.apache.kafka.streams.KafkaStreams;

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
    return () -> new HoldBook(GlobalStores.<Hold>open(streams, HoldStore.NAME, "holds"));
  }
}
