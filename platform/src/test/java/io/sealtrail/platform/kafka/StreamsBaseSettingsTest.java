package io.sealtrail.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndFailProcessingExceptionHandler;
import org.junit.jupiter.api.Test;

class StreamsBaseSettingsTest {
  private static final StreamsBaseSettings DEFAULTS =
      new StreamsBaseSettings(
          "app",
          "localhost:9092",
          "/tmp/state",
          1,
          "dlq",
          LogAndFailProcessingExceptionHandler.class,
          Map.of());

  private static final String RESTORE_POLL =
      StreamsConfig.restoreConsumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);

  @Test
  void shouldRestoreInLargePollsAndFetchesWhenNothingIsConfigured() {
    Properties p = DEFAULTS.properties();

    assertThat(p.get(RESTORE_POLL)).isEqualTo(10_000);
    assertThat(
            p.get(
                StreamsConfig.restoreConsumerPrefix(
                    ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG)))
        .isEqualTo(8 << 20);
    assertThat(p.get(StreamsConfig.restoreConsumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG)))
        .isEqualTo(16 << 20);
    // Only the restore consumer: the main consumer's polls stay as Streams sizes them.
    assertThat(p).doesNotContainKey(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
    assertThat(new StreamsConfig(p).getRestoreConsumerConfigs("client"))
        .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000)
        .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
  }

  @Test
  void shouldLetAServiceTuneItsRestoreWhenItConfiguresTheRestoreConsumer() {
    Properties p = StreamsBaseSettings.from(Map.of(RESTORE_POLL, "500"), DEFAULTS).properties();

    assertThat(p.get(RESTORE_POLL)).isEqualTo("500");
    assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
  }
}
