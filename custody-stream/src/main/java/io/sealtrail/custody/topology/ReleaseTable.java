package io.sealtrail.custody.topology;

import io.sealtrail.avro.event.FirmwareReleased;
import io.sealtrail.avro.event.FirmwareWithdrawn;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.detect.ReleaseView;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.process.CustodyStores;
import io.sealtrail.custody.process.StepOutput;
import io.sealtrail.custody.process.Storage;
import io.sealtrail.platform.topic.Topic;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The approved releases as a global store: every FIRMWARE_RELEASED (keyed by product) is re-keyed
 * by product and image hash into the releases topic, which every instance reads whole, so a flash
 * on any partition can be checked against every release; every FIRMWARE_WITHDRAWN likewise, under
 * {@link ReleaseView#withdrawalKeyOf} (the latest withdrawal of an image is the one kept). The
 * custody tasks' watermarks travel on the same topic, after the releases they cover; the store
 * keeps both as the topic's bytes.
 */
final class ReleaseTable {
  private ReleaseTable() {}

  static void define(
      StreamsBuilder builder,
      KStream<String, VerifiedEvent> events,
      Topic<VerifiedEvent> releases,
      Storage storage) {
    events
        .filter((product, event) -> keyOf(event) != null, Named.as("custody-releases-filter"))
        .selectKey((product, event) -> keyOf(event), Named.as("custody-releases-key"))
        .to(
            releases.name(),
            Produced.with(releases.keySerde(), releases.valueSerde())
                .withName("custody-releases-sink"));
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                storage.supplier(CustodyStores.RELEASES), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        releases.name(),
        Consumed.with(Serdes.String(), Serdes.ByteArray())
            .withName("custody-releases-global-source"),
        GlobalCopy::new);
  }

  /**
   * Publishes each task's watermark on the releases topic, after every release it wrote (see {@link
   * io.sealtrail.custody.process.Watermarks}).
   */
  static void publishWatermarks(KStream<String, StepOutput> outcomes, String releases) {
    outcomes
        .flatMap((serial, outcome) -> outcome.watermarks(), Named.as("custody-watermark-changes"))
        .to(
            releases,
            Produced.with(Serdes.String(), Serdes.Long()).withName("custody-watermarks-sink"));
  }

  /** Keeps the releases topic's records as they are, a deletion deleting. */
  private static final class GlobalCopy implements Processor<String, byte[], Void, Void> {
    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(CustodyStores.RELEASES);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }

  /** A withdrawal back from the store's bytes, with the topic's own deserializer. */
  static Function<byte[], VerifiedEvent> decoder(Topic<VerifiedEvent> releases) {
    Deserializer<VerifiedEvent> deserializer = releases.valueSerde().deserializer();
    return bytes -> deserializer.deserialize(releases.name(), bytes);
  }

  /** The key of a release or withdrawal in the releases topic, null for any other event. */
  private static String keyOf(VerifiedEvent event) {
    if (event == null) {
      return null;
    }
    Observation observed = new Observation(event);
    return observed
        .detail(FirmwareReleased.class)
        .map(r -> ReleaseView.keyOf(r.getProduct(), r.getImageSha256()))
        .or(
            () ->
                observed
                    .detail(FirmwareWithdrawn.class)
                    .map(w -> ReleaseView.withdrawalKeyOf(w.getProduct(), w.getImageSha256())))
        .orElse(null);
  }
}
