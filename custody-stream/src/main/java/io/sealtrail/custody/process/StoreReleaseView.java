package io.sealtrail.custody.process;

import io.sealtrail.avro.event.FirmwareReleased;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.detect.ReleaseView;
import io.sealtrail.custody.event.Observation;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The releases as the global store fed by the releases topic holds them: a release's Avro bytes
 * under product and image SHA-256 (their presence approves the image; the bytes are read only to
 * appraise an attestation against the release's expected measurements), a withdrawal's under {@link
 * ReleaseView#withdrawalKeyOf} (read back as the event, for its time and reason).
 */
final class StoreReleaseView implements ReleaseView {
  /** The global store of the releases topic: releases, withdrawals, and the watermarks. */
  static final String STORE = "custody-firmware-releases-store";

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final Function<byte[], VerifiedEvent> decoder;

  StoreReleaseView(
      ReadOnlyKeyValueStore<String, byte[]> store, Function<byte[], VerifiedEvent> decoder) {
    this.store = store;
    this.decoder = decoder;
  }

  @Override
  public boolean approved(String product, String imageSha256) {
    return store.get(ReleaseView.keyOf(product, imageSha256)) != null;
  }

  @Override
  public Optional<Observation> withdrawal(String product, String imageSha256) {
    return Optional.ofNullable(store.get(ReleaseView.withdrawalKeyOf(product, imageSha256)))
        .map(decoder)
        .map(Observation::new);
  }

  @Override
  public Optional<Set<String>> expectedMeasurements(String product, String imageSha256) {
    return Optional.ofNullable(store.get(ReleaseView.keyOf(product, imageSha256)))
        .map(decoder)
        .flatMap(release -> new Observation(release).detail(FirmwareReleased.class))
        .map(FirmwareReleased::getExpectedMeasurements)
        .map(Set::copyOf);
  }
}
