package io.sealtrail.custody.admin;

import io.sealtrail.platform.http.ServiceUnavailableException;
import io.sealtrail.platform.kafka.AckedProducer;
import io.sealtrail.platform.kafka.KafkaAccess;
import io.sealtrail.platform.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes records of what an API changes (a hold, a layout, a campaign) to its topic and returns
 * once every in-sync replica has it (acks=all, idempotent): a change is answered 2xx only once it
 * cannot be lost. {@code what} names the record in the 503 a caller gets when Kafka does not take
 * it.
 */
public final class AckedWriter<V> implements AutoCloseable {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<String, V> producer;
  private final String topic;
  private final String what;

  public AckedWriter(KafkaAccess kafka, Topic<V> topic, String what) {
    Properties p = AckedProducer.settings(kafka.bootstrapServers(), kafka.settings(), ACK_TIMEOUT);
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
    write(List.of(Map.entry(key, value)));
  }

  /**
   * Writes {@code records} in order, all sent before any acknowledgement is awaited (one round trip
   * for many, e.g. a campaign's devices), and waits for every acknowledgement.
   *
   * @throws ServiceUnavailableException when Kafka did not take them all in time: retry
   */
  public void write(List<Map.Entry<String, V>> records) {
    try {
      List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
      for (Map.Entry<String, V> record : records) {
        sent.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
      }
      producer.flush();
      for (Future<RecordMetadata> ack : sent) {
        ack.get(ACK_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
      }
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
