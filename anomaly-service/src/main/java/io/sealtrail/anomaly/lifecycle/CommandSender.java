package io.sealtrail.anomaly.lifecycle;

import io.sealtrail.avro.alert.AlertCommand;
import io.sealtrail.platform.kafka.AckedProducer;
import io.sealtrail.platform.kafka.KafkaAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes operator commands to the commands topic and returns only once Kafka has acknowledged the
 * write on every in-sync replica, so an accepted command is never lost.
 */
public final class CommandSender implements AutoCloseable {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<String, AlertCommand> producer;
  private final String topic;

  /** {@code values} writes the Avro command (the topic's value serde's serializer). */
  public CommandSender(KafkaAccess kafka, String topic, Serializer<AlertCommand> values) {
    Properties p = AckedProducer.settings(kafka.bootstrapServers(), kafka.settings(), ACK_TIMEOUT);
    this.producer = new KafkaProducer<>(p, new StringSerializer(), values);
    this.topic = topic;
  }

  /**
   * Sends {@code command} keyed by its alert id; throws {@link CommandNotTakenException} if Kafka
   * did not take it.
   */
  public void send(AlertCommand command) {
    send(command, Instant.now());
  }

  /**
   * Sends {@code command} stamped {@code at}: the time its transition is recorded with, so the
   * caller knows the version it makes.
   */
  public void send(AlertCommand command, Instant at) {
    try {
      producer
          .send(new ProducerRecord<>(topic, null, at.toEpochMilli(), command.getAlertId(), command))
          .get(ACK_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandNotTakenException("interrupted while Kafka took the command", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new CommandNotTakenException("Kafka did not take the command: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
