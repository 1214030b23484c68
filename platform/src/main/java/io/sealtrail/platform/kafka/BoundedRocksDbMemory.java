package io.sealtrail.platform.kafka;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store in the JVM by one shared budget. Without it
 * each store (and each partition of it) gets its own 50 MiB block cache and up to three 16 MiB
 * memtables, so a process's resident size keeps growing while the caches warm up — the soak saw RSS
 * climb 70 MiB per 10 minutes at a flat heap — and grows again with every partition a rebalance
 * hands over. Here blocks, index and filter blocks and memtables are charged to one LRU cache of
 * {@link StreamsBaseSettings#rocksDbMemoryMib()}, as the Kafka Streams memory management guide
 * recommends. The budget is per JVM: local mode's four services share one, the first store opened
 * decides its size.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
  /** The Streams property (passed through to every store) that carries the budget, in bytes. */
  static final String MEMORY_KEY = "sealtrail.rocksdb.memory.bytes";

  /**
   * Memtables may take at most this share of the budget; the rest caches blocks. A process holds
   * about a hundred stores (custody-stream alone has dozens, each per partition); with a quarter of
   * 96 MiB (24 MiB) shared by them the write-buffer manager flushed memtables of a few hundred KB,
   * the flush and compaction threads were busy all the time, and the stream threads waited in
   * RocksDB put and delete: the soak's lag grew by about 50 records a second at 40 events/s. With
   * 256 MiB of memtables (512 MiB at half) a short soak kept its lag under 150 at the same rate and
   * load, at the same resident size after two minutes.
   */
  private static final double MEMTABLE_SHARE = 0.5;

  /** Index and filter blocks are kept with high priority in this share of the cache. */
  private static final double HIGH_PRIORITY_SHARE = 0.1;

  private static final long MEMTABLE_BYTES = 8L * 1024 * 1024;

  private static Shared shared;

  /** The cache and write-buffer manager every store of the JVM shares, made on first use. */
  private record Shared(Cache cache, WriteBufferManager writeBuffers) {}

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Shared memory = shared(budget(configs));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(memory.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(memory.writeBuffers());
    options.setWriteBufferSize(MEMTABLE_BYTES);
    options.setMaxWriteBufferNumber(2);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write-buffer manager are shared by every store: never closed by one.
  }

  private static synchronized Shared shared(long budget) {
    if (shared == null) {
      Cache cache = new LRUCache(budget, -1, false, HIGH_PRIORITY_SHARE);
      shared = new Shared(cache, new WriteBufferManager((long) (budget * MEMTABLE_SHARE), cache));
    }
    return shared;
  }

  private static long budget(Map<String, Object> configs) {
    Object value = configs.get(MEMORY_KEY);
    return value == null
        ? StreamsBaseSettings.DEFAULT_ROCKSDB_MEMORY_MIB * 1024L * 1024L
        : Long.parseLong(value.toString().strip());
  }
}
