package io.sealtrail.custody.topology;

import io.sealtrail.avro.event.FirmwareReleased;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.detect.ReleaseView;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.custody.process.Storage;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The approved releases as a global table: every FIRMWARE_RELEASED (keyed by product) is re-keyed
 * by product and image hash into the releases topic, which every instance reads whole, so a flash
 * on any partition can be checked against every release.
 */
final class ReleaseTable {
  private ReleaseTable() {}

  static void define(
      StreamsBuilder builder,
      KStream<String, VerifiedEvent> events,
      Topics.Topic<VerifiedEvent> releases,
      Storage storage) {
    events
        .filter((product, event) -> isRelease(event), Named.as("custody-releases-filter"))
        .selectKey((product, event) -> keyOf(event), Named.as("custody-releases-key"))
        .to(
            releases.name(),
            Produced.with(releases.keySerde(), releases.valueSerde())
                .withName("custody-releases-sink"));
    builder.globalTable(
        releases.name(),
        Consumed.with(releases.keySerde(), releases.valueSerde())
            .withName("custody-releases-global-source"),
        Materialized.<String, VerifiedEvent>as(storage.supplier(CustodyStores.RELEASES))
            .withKeySerde(releases.keySerde())
            .withValueSerde(releases.valueSerde()));
  }

  private static boolean isRelease(VerifiedEvent event) {
    return event != null && new Observation(event).detail(FirmwareReleased.class).isPresent();
  }

  private static String keyOf(VerifiedEvent event) {
    FirmwareReleased release = new Observation(event).detail(FirmwareReleased.class).orElseThrow();
    return ReleaseView.keyOf(release.getProduct(), release.getImageSha256());
  }
}
