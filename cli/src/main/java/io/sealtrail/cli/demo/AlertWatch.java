package io.sealtrail.cli.demo;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.platform.loop.PollingLoop;
import io.sealtrail.registry.serde.AvroSerdeConfig;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the alert topic from where it ends when the watch starts, in a {@link PollingLoop} of its
 * own, and keeps each alert's latest version with the instant it was first seen here.
 */
final class AlertWatch implements AutoCloseable {
  /** An alert as last published, and when this watch first saw it. */
  record Seen(Alert alert, Instant firstSeenAt) {}

  private final Consumer<String, Alert> consumer;
  private final Clock clock;
  private final Map<String, Seen> seen = new LinkedHashMap<>();
  private final PollingLoop loop;
  private long received;

  private AlertWatch(Consumer<String, Alert> consumer, Clock clock) {
    this.consumer = consumer;
    this.clock = clock;
    this.loop =
        new PollingLoop(
            "demo-alert-watch",
            this::poll,
            consumer::wakeup,
            () -> consumer.close(Duration.ofSeconds(5)));
  }

  static AlertWatch start(String bootstrap, String registryUrl, String topic, Clock clock) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    var values = new SpecificAvroSerde<>(Alert.class);
    values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
    var consumer = new KafkaConsumer<>(p, new StringDeserializer(), values.deserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // Fix the start now: alerts raised before the demo sent anything are not its own.
    partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
    return following(consumer, clock);
  }

  /** Follows what {@code consumer} is assigned, from its positions; it is closed with the watch. */
  static AlertWatch following(Consumer<String, Alert> consumer, Clock clock) {
    var watch = new AlertWatch(consumer, clock);
    watch.loop.start();
    return watch;
  }

  private void poll() {
    for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(500))) {
      if (r.value() != null) {
        record(r.value());
      }
    }
  }

  private synchronized void record(Alert alert) {
    received++;
    Seen before = seen.get(alert.getAlertId());
    Instant first = before == null ? clock.instant() : before.firstSeenAt();
    seen.put(alert.getAlertId(), new Seen(alert, first));
  }

  /** Every alert seen so far, in the order first seen. */
  synchronized List<Seen> seen() {
    loop.failure()
        .ifPresent(
            failure -> {
              throw new IllegalStateException(
                  "reading the alert topic failed: " + failure.getMessage(), failure);
            });
    return List.copyOf(seen.values());
  }

  /** How many alert versions (new alerts and updates) were received so far. */
  synchronized long received() {
    return received;
  }

  @Override
  public void close() {
    loop.close();
  }
}
