package io.sealtrail.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.core.LogRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** The topic reader keeps going through transient broker failures (spec §5.3). */
class LogReaderTest {
  private static final TopicPartition SCHEMAS = new TopicPartition("_schemas", 0);

  @Test
  void shouldKeepReadingWhenPollTimesOutOnce() {
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    consumer.updateBeginningOffsets(Map.of(SCHEMAS, 0L));
    consumer.updateEndOffsets(Map.of(SCHEMAS, 0L));
    List<LogRecord> applied = new CopyOnWriteArrayList<>();
    LogReader reader = new LogReader(consumer, SCHEMAS, applied::add);
    consumer.setPollException(new TimeoutException("broker unavailable"));
    consumer.schedulePollTask(
        () ->
            consumer.addRecord(
                new ConsumerRecord<>(
                    SCHEMAS.topic(),
                    0,
                    0,
                    bytes("{\"keytype\":\"CONFIG\",\"magic\":0}"),
                    bytes("{\"compatibilityLevel\":\"FULL\"}"))));

    reader.start(Duration.ofSeconds(5));
    reader.awaitApplied(1, Duration.ofSeconds(10));

    assertThat(applied).hasSize(1);
    reader.stop(Duration.ofSeconds(5));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
