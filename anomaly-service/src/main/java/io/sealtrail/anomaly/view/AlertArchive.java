package io.sealtrail.anomaly.view;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.platform.http.ServiceUnavailableException;
import io.sealtrail.platform.kafka.KafkaAccess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every alert's latest version read afresh from the compacted alerts topic, the record of them all:
 * what the response report is computed from (so a restart cannot change it), and where queries find
 * the resolved alerts the in-memory {@link AlertView} has let go. One read is a pass over the whole
 * topic (committed transactions only) up to the end it had when the read began; the topic is
 * compacted and alerts are few, so that is cheap enough for reports and archive queries, which are
 * rare. Thread-safe: each read uses its own consumer.
 */
public final class AlertArchive {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final KafkaAccess kafka;
  private final String topic;
  private final Supplier<Deserializer<Alert>> alerts;

  /**
   * {@code alerts} makes a deserializer for each read: a consumer closes its deserializer, so the
   * topology's own must never be handed to one.
   */
  public AlertArchive(KafkaAccess kafka, String topic, Supplier<Deserializer<Alert>> alerts) {
    this.kafka = kafka;
    this.topic = topic;
    this.alerts = alerts;
  }

  /**
   * The latest version of every alert on the topic, by id, in the order first seen.
   *
   * @throws ArchiveUnavailableException when the topic cannot be read to its end in time
   */
  public Map<String, Alert> readAll() {
    Properties p = kafka.properties();
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Map<String, Alert> latest = new LinkedHashMap<>();
    try (KafkaConsumer<String, Alert> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), alerts.get())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, PATIENCE).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new ArchiveUnavailableException("the alerts topic was not read to its end in time");
        }
        for (ConsumerRecord<String, Alert> r : consumer.poll(POLL)) {
          if (r.value() != null) {
            latest.put(r.value().getAlertId(), r.value());
          }
        }
      }
    } catch (ArchiveUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ArchiveUnavailableException("the alerts topic cannot be read: " + e.getMessage());
    }
    return latest;
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  /** The archive could not be read now: a 503 with Retry-After to the client. */
  public static final class ArchiveUnavailableException extends ServiceUnavailableException {
    public ArchiveUnavailableException(String message) {
      super(message, Duration.ofSeconds(5), null);
    }
  }
}
