package io.sealtrail.custody.process;

import io.sealtrail.custody.detect.ReleaseView;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The approved releases as the global store fed by the releases topic holds them: the release's
 * Avro bytes under product and image SHA-256 (only their presence counts here).
 */
final class StoreReleaseView implements ReleaseView {
  /** The global store of the releases topic: every FIRMWARE_RELEASED, and the watermarks. */
  static final String STORE = "custody-firmware-releases-store";

  private final ReadOnlyKeyValueStore<String, byte[]> store;

  StoreReleaseView(ReadOnlyKeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  @Override
  public boolean approved(String product, String imageSha256) {
    return store.get(ReleaseView.keyOf(product, imageSha256)) != null;
  }
}
