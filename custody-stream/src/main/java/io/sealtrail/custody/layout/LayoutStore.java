package io.sealtrail.custody.layout;

import io.sealtrail.custody.process.Storage;
import io.sealtrail.platform.topic.Topic;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Every product's layouts as a global store, so that every custody task on every instance judges
 * every device by its product's layout whatever partition the product's layout record is on: the
 * layouts topic (compacted, keyed by product, each value every kept version) read whole.
 */
public final class LayoutStore {
  /** The global store of the layouts topic. */
  public static final String NAME = "custody-layouts-store";

  private LayoutStore() {}

  /** Adds the global store that reads {@code layouts} whole on every instance. */
  public static void define(StreamsBuilder builder, Topic<String> layouts, Storage storage) {
    builder.addGlobalStore(
        storage.store(NAME, Serdes.String()).withLoggingDisabled(),
        layouts.name(),
        Consumed.with(layouts.keySerde(), layouts.valueSerde())
            .withName("custody-layouts-global-source"),
        Keeper::new);
  }

  /** Keeps each product's latest record; a tombstone removes the product's layouts. */
  private static final class Keeper implements Processor<String, String, Void, Void> {
    private KeyValueStore<String, String> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(NAME);
    }

    @Override
    public void process(Record<String, String> record) {
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }
}
