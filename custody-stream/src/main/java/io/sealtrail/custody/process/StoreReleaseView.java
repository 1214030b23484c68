package io.sealtrail.custody.process;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.detect.ReleaseView;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** The approved releases as the global store fed by the releases topic holds them. */
final class StoreReleaseView implements ReleaseView {
  /** The global store of every FIRMWARE_RELEASED, keyed by product and image SHA-256. */
  static final String STORE = "custody-firmware-releases-store";

  private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<VerifiedEvent>> store;

  StoreReleaseView(ReadOnlyKeyValueStore<String, ValueAndTimestamp<VerifiedEvent>> store) {
    this.store = store;
  }

  @Override
  public boolean approved(String product, String imageSha256) {
    return store.get(ReleaseView.keyOf(product, imageSha256)) != null;
  }
}
