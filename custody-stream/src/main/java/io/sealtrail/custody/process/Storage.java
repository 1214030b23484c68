package io.sealtrail.custody.process;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the topology's named stores keep their data: RocksDB in production; in memory where a test
 * builds hundreds of topologies, which changes nothing a store promises (both are changelogged,
 * sorted and prefix-scannable).
 */
public enum Storage {
  PERSISTENT {
    @Override
    public KeyValueBytesStoreSupplier supplier(String name) {
      return Stores.persistentKeyValueStore(name);
    }
  },
  IN_MEMORY {
    @Override
    public KeyValueBytesStoreSupplier supplier(String name) {
      return Stores.inMemoryKeyValueStore(name);
    }
  };

  /** The supplier of the store named {@code name}; its changelog is named after it. */
  public abstract KeyValueBytesStoreSupplier supplier(String name);

  /** A store named {@code name} with string keys. */
  public <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
    return Stores.keyValueStoreBuilder(supplier(name), Serdes.String(), values);
  }
}
