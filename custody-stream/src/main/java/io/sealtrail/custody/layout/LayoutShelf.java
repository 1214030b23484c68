package io.sealtrail.custody.layout;

import io.sealtrail.custody.admin.GlobalStores;
import io.sealtrail.platform.query.StoreUnavailableException;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where the layouts API reads the layouts: this instance's copy of the global layouts store, which
 * holds every product's, so any instance answers without forwarding.
 */
@FunctionalInterface
public interface LayoutShelf {
  /**
   * The layouts as this instance holds them now.
   *
   * @throws StoreUnavailableException while the streams are not running (starting, restoring)
   */
  LayoutBook book();

  static LayoutShelf over(KafkaStreams streams) {
    return () -> new LayoutBook(GlobalStores.<String>open(streams, LayoutStore.NAME, "layouts"));
  }
}
