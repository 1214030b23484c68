package io.sealtrail.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sealtrail.testing.EmbeddedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link InputLag#OF_CALLING_THREAD} on a real broker: a processor's punctuation, on its stream
 * thread, finds its consumer's lag of its input partition (the metric's name and tags as this Kafka
 * version writes them), and sees none once it has processed everything. Without it the lookup would
 * silently know nothing, and an idle task would say it is caught up as before.
 */
class InputLagIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  @Test
  void shouldFindTheCallingStreamThreadsLagOfItsInputPartitionOnceItHasFetched() throws Exception {
    String topic = EmbeddedKafka.uniqueName("input.lag");
    KAFKA.admin().createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    List<OptionalLong> seen = new CopyOnWriteArrayList<>();
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String()))
        .process(() -> new LagProbe(topic, seen));
    Properties properties = new Properties();
    properties.putAll(KAFKA.clientProperties());
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, EmbeddedKafka.uniqueName("input-lag"));
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    properties.put(
        StreamsConfig.STATE_DIR_CONFIG,
        java.nio.file.Files.createTempDirectory("input-lag").toString());
    try (KafkaProducer<String, String> producer = producer()) {
      for (int i = 0; i < 100; i++) {
        producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
      }
      producer.flush();
    }

    try (ServiceStreams streams =
        new ServiceStreams("lag", builder.build(), properties, new SimpleMeterRegistry())) {
      streams.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (seen.stream().noneMatch(l -> l.isPresent() && l.getAsLong() == 0)
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }

    assertThat(seen).as("what the punctuations saw").contains(OptionalLong.of(0));
    // Unregistered on close: nothing is known any more.
    assertThat(InputLag.OF_CALLING_THREAD.of(topic, 0)).isEmpty();
  }

  private static KafkaProducer<String, String> producer() {
    Map<String, Object> config = new java.util.HashMap<>(KAFKA.clientProperties());
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /** Asks, on its stream thread every 200 ms, how far its consumer is behind its partition. */
  private static final class LagProbe implements Processor<String, String, Void, Void> {
    private final String topic;
    private final List<OptionalLong> seen;

    LagProbe(String topic, List<OptionalLong> seen) {
      this.topic = topic;
      this.seen = seen;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      context.schedule(
          Duration.ofMillis(200),
          PunctuationType.WALL_CLOCK_TIME,
          now -> seen.add(InputLag.OF_CALLING_THREAD.of(topic, context.taskId().partition())));
    }

    @Override
    public void process(Record<String, String> record) {}
  }
}
