package io.sealtrail.custody.admin;

import io.sealtrail.platform.http.ServiceUnavailableException;
import io.sealtrail.platform.kafka.AckedProducer;
import io.sealtrail.platform.topic.Topic;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes records of what an API changes (a hold, a layout) to its topic and returns once every
 * in-sync replica has it (acks=all, idempotent): a change is answered 2xx only once it cannot be
 * lost. {@code what} names the record in the 503 a caller gets when Kafka does not take it.
 */
public final class AckedWriter<V> implements AutoCloseable {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<String, V> producer;
  private final String topic;
  private final String what;

  public AckedWriter(String bootstrapServers, Topic<V> topic, String what) {
    Properties p = AckedProducer.settings(bootstrapServers, Map.of(), ACK_TIMEOUT);
    this.producer =
        new KafkaProducer<>(p, topic.keySerde().serializer(), topic.valueSerde().serializer());
    this.topic = topic.name();
    this.what = what;
  }

  /**
   * Writes {@code value} under {@code key} and waits for the acknowledgement.
   *
   * @throws ServiceUnavailableException when Kafka did not take it in time: nothing is known, retry
   */
  public void write(String key, V value) {
    try {
      producer
          .send(new ProducerRecord<>(topic, key, value))
          .get(ACK_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw unavailable(e);
    }
  }

  private ServiceUnavailableException unavailable(Exception cause) {
    return new ServiceUnavailableException(
        "Kafka did not take the " + what + " in time; retry with the same X-Request-Id",
        Duration.ofSeconds(2),
        cause);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
