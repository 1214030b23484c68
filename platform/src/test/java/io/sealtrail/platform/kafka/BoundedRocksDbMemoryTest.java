package io.sealtrail.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {
  private static final StreamsBaseSettings DEFAULTS =
      new StreamsBaseSettings(
          "app",
          "localhost:9092",
          "/tmp/state",
          1,
          "dlq",
          LogAndFailProcessingExceptionHandler.class,
          Map.of());

  @Test
  void shouldGiveEveryStreamsAppTheBoundedSetterAndItsBudgetWhenConfigured() {
    Properties p =
        StreamsBaseSettings.from(Map.of(StreamsBaseSettings.ROCKSDB_MEMORY_KEY, "32"), DEFAULTS)
            .properties();

    assertThat(p.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
        .isEqualTo(BoundedRocksDbMemory.class);
    assertThat(p.get(BoundedRocksDbMemory.MEMORY_KEY)).isEqualTo(Long.toString(32L << 20));
    assertThat(DEFAULTS.properties().get(BoundedRocksDbMemory.MEMORY_KEY))
        .isEqualTo(Long.toString(256L << 20));
  }

  @Test
  void shouldNameTheKeyWhenTheBudgetIsMalformedOrTooSmall() {
    assertThatThrownBy(
            () ->
                StreamsBaseSettings.from(
                    Map.of(StreamsBaseSettings.ROCKSDB_MEMORY_KEY, "lots"), DEFAULTS))
        .hasMessageContaining(StreamsBaseSettings.ROCKSDB_MEMORY_KEY);
    assertThatThrownBy(
            () ->
                StreamsBaseSettings.from(
                    Map.of(StreamsBaseSettings.ROCKSDB_MEMORY_KEY, "4"), DEFAULTS))
        .hasMessageContaining("at least 8");
  }

  @Test
  void shouldChargeIndexFilterAndMemtablesToTheSharedCacheWhenAStoreIsConfigured() {
    RocksDB.loadLibrary();
    var setter = new BoundedRocksDbMemory();
    Map<String, Object> configs =
        new HashMap<>(Map.of(BoundedRocksDbMemory.MEMORY_KEY, "16777216"));
    try (Options first = new Options();
        Options second = new Options()) {
      first.setTableFormatConfig(new BlockBasedTableConfig());
      second.setTableFormatConfig(new BlockBasedTableConfig());

      setter.setConfig("a", first, configs);
      setter.setConfig("b", second, configs);

      for (Options options : new Options[] {first, second}) {
        var table = (BlockBasedTableConfig) options.tableFormatConfig();
        assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
        assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
        assertThat(options.writeBufferSize()).isEqualTo(8L << 20);
        assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
      }
      setter.close("a", first);
      setter.close("b", second);
    }
  }
}
