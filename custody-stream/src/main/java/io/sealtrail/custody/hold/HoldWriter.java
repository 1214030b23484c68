package io.sealtrail.custody.hold;

import io.sealtrail.avro.hold.Hold;
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
 * Writes each version of a hold to the holds topic, keyed by hold id, and returns once every
 * in-sync replica has it (acks=all, idempotent): a hold is answered 201 only once it cannot be
 * lost.
 */
public final class HoldWriter implements AutoCloseable {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<String, Hold> producer;
  private final String topic;

  public HoldWriter(String bootstrapServers, Topic<Hold> holds) {
    Properties p = AckedProducer.settings(bootstrapServers, Map.of(), ACK_TIMEOUT);
    this.producer =
        new KafkaProducer<>(p, holds.keySerde().serializer(), holds.valueSerde().serializer());
    this.topic = holds.name();
  }

  /**
   * Writes {@code hold} and waits for the acknowledgement.
   *
   * @throws ServiceUnavailableException when Kafka did not take it in time: nothing is known, retry
   */
  public void write(Hold hold) {
    try {
      producer
          .send(new ProducerRecord<>(topic, hold.getHoldId(), hold))
          .get(ACK_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw unavailable(e);
    }
  }

  private static ServiceUnavailableException unavailable(Exception cause) {
    return new ServiceUnavailableException(
        "Kafka did not take the hold in time; retry with the same X-Request-Id",
        Duration.ofSeconds(2),
        cause);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
