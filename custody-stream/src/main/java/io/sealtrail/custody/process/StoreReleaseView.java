package io.sealtrail.custody.process;

import io.sealtrail.avro.event.FirmwareReleased;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.detect.ReleaseView;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.platform.topic.Topic;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The approved releases as the global store fed by the releases topic holds them: the release's
 * Avro bytes under product and image SHA-256. Their presence approves the image; the bytes are read
 * only to appraise an attestation against the release's expected measurements.
 */
final class StoreReleaseView implements ReleaseView {
  /** The global store of the releases topic: every FIRMWARE_RELEASED, and the watermarks. */
  static final String STORE = "custody-firmware-releases-store";

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final String topic;
  private final Deserializer<VerifiedEvent> reader;

  StoreReleaseView(ReadOnlyKeyValueStore<String, byte[]> store, Topic<VerifiedEvent> releases) {
    this.store = store;
    this.topic = releases.name();
    this.reader = releases.valueSerde().deserializer();
  }

  @Override
  public boolean approved(String product, String imageSha256) {
    return store.get(ReleaseView.keyOf(product, imageSha256)) != null;
  }

  @Override
  public Optional<Set<String>> expectedMeasurements(String product, String imageSha256) {
    byte[] bytes = store.get(ReleaseView.keyOf(product, imageSha256));
    if (bytes == null) {
      return Optional.empty();
    }
    return new Observation(reader.deserialize(topic, bytes))
        .detail(FirmwareReleased.class)
        .map(FirmwareReleased::getExpectedMeasurements)
        .map(Set::copyOf);
  }
}
