package io.sealtrail.custody.hold;

import io.sealtrail.avro.hold.Hold;
import io.sealtrail.avro.hold.HoldKind;
import io.sealtrail.custody.process.Storage;
import io.sealtrail.platform.topic.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Every hold as a global store, so that every custody task on every instance enforces every hold
 * whatever partition its serial, lot or image is on. The store indexes the holds topic (keyed by
 * hold id): each hold is kept under {@code id\n<holdId>} and under {@code on\n<KIND>\n<held
 * id>\n<holdId>}, so a task finds the holds on a serial, a lot or an image with one prefix scan
 * instead of reading them all on every event. Kafka Streams runs this processor when it restores
 * the store from the topic as well (since 3.8), so the index survives a restart.
 */
public final class HoldStore {
  /** The global store of the holds topic. */
  public static final String NAME = "custody-holds-store";

  private static final String BY_ID = "id\n";
  private static final String ON = "on\n";

  private HoldStore() {}

  /**
   * Adds the global store that reads {@code holds} whole on every instance. In memory, also where
   * the other stores are on RocksDB: every event prefix-scans it once or more ({@link
   * HoldDetector}), and opening a RocksDB iterator for each scan was 3 % of the custody stream
   * thread's CPU in the bench profile (issue #20), while holds are placed by people, a few hundred
   * bytes each. An instance indexes the whole topic again when it starts, as it does for a new
   * hold.
   */
  public static void define(StreamsBuilder builder, Topic<Hold> holds) {
    builder.addGlobalStore(
        Storage.IN_MEMORY.store(NAME, holds.valueSerde()).withLoggingDisabled(),
        holds.name(),
        Consumed.with(holds.keySerde(), holds.valueSerde()).withName("custody-holds-global-source"),
        Indexer::new);
  }

  static String byId(String holdId) {
    return BY_ID + holdId;
  }

  /** Every hold's key starts with this. */
  static String allIds() {
    return BY_ID;
  }

  /** The prefix of the holds on {@code id} of {@code kind}. */
  static String on(HoldKind kind, String id) {
    return ON + kind.name() + "\n" + id + "\n";
  }

  /** Keeps each hold's latest version under its id and its target; a tombstone removes both. */
  private static final class Indexer implements Processor<String, Hold, Void, Void> {
    private KeyValueStore<String, Hold> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(NAME);
    }

    @Override
    public void process(Record<String, Hold> record) {
      Hold before = store.get(byId(record.key()));
      if (before != null) {
        store.delete(on(before.getKind(), before.getId()) + record.key());
      }
      Hold hold = record.value();
      if (hold == null) {
        store.delete(byId(record.key()));
        return;
      }
      store.put(byId(record.key()), hold);
      store.put(on(hold.getKind(), hold.getId()) + record.key(), hold);
    }
  }
}
