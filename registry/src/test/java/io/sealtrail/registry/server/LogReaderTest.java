package io.sealtrail.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.registry.core.LogRecord;
import io.sealtrail.registry.core.LogState;
import io.sealtrail.registry.core.SchemaRegistryException;
import io.sealtrail.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The topic reader keeps going through transient broker failures (spec §5.3) and, when it stops for
 * good, says so with the cause (readiness, issue 13).
 */
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
    reader.stop();
  }

  @Test
  void shouldReportRunningWhileReading() {
    MockConsumer<byte[], byte[]> consumer = emptyTopic();
    LogReader reader = new LogReader(consumer, SCHEMAS, record -> {});

    reader.start(Duration.ofSeconds(5));
    reader.awaitApplied(0, Duration.ofSeconds(10));

    assertThat(reader.state()).isEqualTo(LogState.FOLLOWING);
    reader.stop();
    assertThat(reader.state().stoppedBecause()).contains("the reader of topic _schemas was closed");
  }

  @Test
  void shouldReportStoppedWithCauseWhenConsumerFailsForGood() throws InterruptedException {
    MockConsumer<byte[], byte[]> consumer = emptyTopic();
    LogReader reader = new LogReader(consumer, SCHEMAS, record -> {});
    consumer.setPollException(new KafkaException("topic authorization revoked"));

    reader.start(Duration.ofSeconds(5));

    LogState state = Eventually.await(reader::state, s -> !s.following(), "the reader stopping");
    assertThat(state.stoppedBecause())
        .contains("the reader of topic _schemas stopped: topic authorization revoked");
    assertThatThrownBy(() -> reader.awaitApplied(1, Duration.ofSeconds(10)))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(50001));
  }

  @Test
  void shouldReportStoppedWhenConsumerIsClosedUnderIt() throws InterruptedException {
    MockConsumer<byte[], byte[]> consumer = emptyTopic();
    LogReader reader = new LogReader(consumer, SCHEMAS, record -> {});
    consumer.schedulePollTask(consumer::close);

    reader.start(Duration.ofSeconds(5));

    LogState state = Eventually.await(reader::state, s -> !s.following(), "the reader stopping");
    assertThat(state.stoppedBecause().orElseThrow())
        .startsWith("the reader of topic _schemas stopped: ")
        .contains("closed");
  }

  @Test
  void shouldReportStoppedAndFailWritersWhenApplyingRecordThrowsError() {
    MockConsumer<byte[], byte[]> consumer = emptyTopic();
    LogReader reader =
        new LogReader(
            consumer,
            SCHEMAS,
            record -> {
              throw new StackOverflowError("schema nested too deep");
            });
    consumer.schedulePollTask(() -> consumer.addRecord(configRecord(0)));

    reader.start(Duration.ofSeconds(5));

    // Before, the thread died silently: writers waited out their timeout (50002) for nothing.
    assertThatThrownBy(() -> reader.awaitApplied(1, Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(50001));
    assertThat(reader.state().stoppedBecause())
        .contains(
            "the reader of topic _schemas stopped: StackOverflowError: schema nested too deep");
  }

  private static MockConsumer<byte[], byte[]> emptyTopic() {
    MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    consumer.updateBeginningOffsets(Map.of(SCHEMAS, 0L));
    consumer.updateEndOffsets(Map.of(SCHEMAS, 0L));
    return consumer;
  }

  private static ConsumerRecord<byte[], byte[]> configRecord(long offset) {
    return new ConsumerRecord<>(
        SCHEMAS.topic(),
        0,
        offset,
        bytes("{\"keytype\":\"CONFIG\",\"magic\":0}"),
        bytes("{\"compatibilityLevel\":\"FULL\"}"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
