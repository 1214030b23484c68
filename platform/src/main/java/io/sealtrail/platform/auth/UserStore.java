package io.sealtrail.platform.auth;

import io.sealtrail.platform.http.ServiceUnavailableException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes users to {@code custody.users} and returns only once every in-sync replica has the record
 * and the node's own directory shows it, so the token works (or, revoked, stops working) on this
 * node before the caller hears of it. Other nodes follow as soon as they read the record.
 */
public final class UserStore implements AutoCloseable {
  private final Producer<String, byte[]> producer;
  private final KafkaUserDirectory directory;
  private final Duration timeout;

  UserStore(Producer<String, byte[]> producer, KafkaUserDirectory directory, Duration timeout) {
    this.producer = producer;
    this.directory = directory;
    this.timeout = timeout;
  }

  /**
   * A store writing to {@code directory}'s topic with {@code clientConfig} (bootstrap, security).
   */
  public static UserStore start(
      Map<String, ?> clientConfig, KafkaUserDirectory directory, Duration timeout) {
    Map<String, Object> config = new HashMap<>();
    clientConfig.forEach(
        (key, value) -> {
          if (ProducerConfig.configNames().contains(key)) {
            config.put(key, value);
          }
        });
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.dividedBy(2).toMillis());
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    return new UserStore(
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
        directory,
        timeout);
  }

  /** The user as this node's directory knows it now. */
  public Optional<User> find(String name) {
    return directory.get().user(name);
  }

  /** Every user this node knows, by name. */
  public UserDirectory users() {
    return directory.get();
  }

  /**
   * Writes {@code user} and waits until this node's directory shows exactly it.
   *
   * @throws ServiceUnavailableException when Kafka did not take it or it was not read back in time
   */
  public User write(User user) throws InterruptedException {
    try {
      producer
          .send(new ProducerRecord<>(directory.topic(), user.name(), UserJson.write(user)))
          .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new ServiceUnavailableException("user record not acknowledged by Kafka", timeout, e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!find(user.name()).equals(Optional.of(user))) {
      if (System.nanoTime() > deadline) {
        throw new ServiceUnavailableException(
            "user record written but not yet read back by this node", timeout, null);
      }
      Thread.sleep(10);
    }
    return user;
  }

  @Override
  public void close() {
    producer.close(timeout);
  }
}
