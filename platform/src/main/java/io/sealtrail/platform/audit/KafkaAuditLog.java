package io.sealtrail.platform.audit;

import io.sealtrail.platform.kafka.AckedProducer;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes audit entries to {@link AuditActionsTopic} and returns once every in-sync replica has each
 * (acks=all, idempotent), keyed by target so one target's entries keep their order.
 */
public final class KafkaAuditLog implements AuditLog, AutoCloseable {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;

  public KafkaAuditLog(String bootstrapServers, String topic) {
    this(bootstrapServers, Map.of(), topic);
  }

  /**
   * With the service's Kafka client settings ({@code clientSettings}: security, tuning), under
   * which the settings that make an entry durable are not negotiable.
   */
  public KafkaAuditLog(String bootstrapServers, Map<String, ?> clientSettings, String topic) {
    Properties p = AckedProducer.settings(bootstrapServers, clientSettings, ACK_TIMEOUT);
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    this.topic = topic;
  }

  @Override
  public void record(AuditEntry entry) {
    try {
      producer
          .send(new ProducerRecord<>(topic, entry.target(), AuditEntryJson.write(entry)))
          .get(ACK_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuditUnavailableException("interrupted while the audit log took the entry", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new AuditUnavailableException("the audit log did not take the entry", e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
