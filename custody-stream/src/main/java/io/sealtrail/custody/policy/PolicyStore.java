package io.sealtrail.custody.policy;

import io.sealtrail.custody.process.Storage;
import io.sealtrail.platform.topic.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The runtime policy topic as a global store on every instance: the canonical JSON of the version
 * in force under its key. Processors read it at decision time ({@link RuntimeRules}), so a new
 * version applies to the events decided after it was read, on every instance, and nothing of it
 * goes through a task's transaction (a global store is restored from its topic, never
 * changelogged).
 */
public final class PolicyStore {
  /** The global store of the policy topic. */
  public static final String NAME = "custody-policy-store";

  private PolicyStore() {}

  /**
   * Adds the global store that reads {@code policy} whole on every instance. In memory, also where
   * the other stores are on RocksDB: it holds one key, read on every event ({@link
   * RuntimeRules#current}), and a RocksDB get for it was 3 % of the custody stream thread's CPU in
   * the bench profile (issue #20); a global store is rebuilt from its topic when an instance starts
   * either way, here by reading the topic's one record again.
   */
  public static void define(StreamsBuilder builder, Topic<byte[]> policy) {
    builder.addGlobalStore(
        Storage.IN_MEMORY.store(NAME, policy.valueSerde()).withLoggingDisabled(),
        policy.name(),
        Consumed.with(policy.keySerde(), policy.valueSerde())
            .withName("custody-policy-global-source"),
        Keeper::new);
  }

  /** Keeps the latest record per key; a tombstone removes it (the defaults are in force again). */
  private static final class Keeper implements Processor<String, byte[], Void, Void> {
    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(NAME);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      if (record.key() == null) {
        return;
      }
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }
}
