package io.sealtrail.custody.topology;

import io.sealtrail.avro.event.KeyProvisioned;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.custody.event.DeviceKeyIds;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.custody.process.DeviceKeyProcessor;
import io.sealtrail.custody.process.Storage;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * One device key on two serials: KEY_PROVISIONED events re-keyed by keyid through the named
 * repartition topic {@value #REPARTITION}, so the holder of each key lives on one partition.
 */
final class DeviceKeyTopology {
  static final String REPARTITION = "custody-device-keys";

  private DeviceKeyTopology() {}

  static void define(
      StreamsBuilder builder,
      KStream<String, VerifiedEvent> events,
      CustodyTopics topics,
      Storage storage) {
    builder.addStateStore(CustodyStores.keyHolders(topics.events().valueSerde(), storage));
    events
        .filter((serial, event) -> provisioned(event), Named.as("custody-device-keys-filter"))
        .selectKey((serial, event) -> keyIdOf(event), Named.as("custody-device-keys-by-key-id"))
        .repartition(
            Repartitioned.with(topics.events().keySerde(), topics.events().valueSerde())
                .withName(REPARTITION))
        .process(
            DeviceKeyProcessor::new,
            Named.as("custody-device-key-processor"),
            CustodyStores.KEY_HOLDERS)
        .to(
            topics.violations().name(),
            Produced.with(topics.violations().keySerde(), topics.violations().valueSerde())
                .withName("custody-device-key-violations-sink"));
  }

  private static boolean provisioned(VerifiedEvent event) {
    return event != null && new Observation(event).detail(KeyProvisioned.class).isPresent();
  }

  private static String keyIdOf(VerifiedEvent event) {
    return DeviceKeyIds.of(new Observation(event).detail(KeyProvisioned.class).orElseThrow());
  }
}
