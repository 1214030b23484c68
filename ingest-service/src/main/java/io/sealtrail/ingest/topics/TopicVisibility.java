package io.sealtrail.ingest.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Waits until a just-created topic's partitions reach a client's metadata. The partner directory
 * assigns the partitions it sees once, so starting it on a topic whose metadata has not spread yet
 * would leave it reading nothing.
 */
public final class TopicVisibility {
  private TopicVisibility() {}

  /** Returns once {@code topic} has partitions in a fresh client's metadata, or fails after. */
  public static void await(Map<String, Object> clientConfig, String topic, Duration timeout)
      throws InterruptedException {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      while (consumer.partitionsFor(topic, timeout).isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topic " + topic + " has no partitions after " + timeout);
        }
        Thread.sleep(50);
      }
    }
  }
}
