package io.sealtrail.platform.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of a producer whose send a route answers only once Kafka acknowledged it: on every
 * in-sync replica, written once however often it is retried, and within {@code ackTimeout} or
 * failed. The service's client settings (security, tuning) come first; these are not negotiable.
 */
public final class AckedProducer {
  private AckedProducer() {}

  public static Properties settings(
      String bootstrapServers, Map<String, ?> clientSettings, Duration ackTimeout) {
    Properties p = new Properties();
    p.putAll(clientSettings);
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ackTimeout.toMillis());
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ackTimeout.toMillis() / 2);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ackTimeout.toMillis());
    return p;
  }
}
