package io.sealtrail.platform.auth;

import io.sealtrail.platform.loop.PollingLoop;
import io.sealtrail.platform.loop.WholeTopic;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users as the compacted {@code custody.users} topic says they are, on every node that gates a
 * route: reads the topic from the beginning to the end offsets seen at start, then keeps following,
 * so a revocation takes effect on a node as soon as it has read the record. A {@link PollingLoop}
 * named {@value #NAME} owns the consumer (no group: every node reads everything); {@link #get()} is
 * the latest immutable snapshot. Kafka errors are retried; anything else ends the loop, and
 * readiness turns DOWN naming it.
 */
public final class KafkaUserDirectory implements Supplier<UserDirectory>, AutoCloseable {
  /** The reader's name in logs and in readiness. */
  public static final String NAME = "userDirectoryReader";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaUserDirectory.class);

  private final Consumer<String, byte[]> consumer;
  private final String topic;
  private final Duration pollTimeout;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final PollingLoop loop;
  private volatile UserDirectory current = UserDirectory.empty();
  private boolean warned;

  KafkaUserDirectory(Consumer<String, byte[]> consumer, String topic, Duration pollTimeout) {
    this.consumer = consumer;
    this.topic = topic;
    this.pollTimeout = pollTimeout;
    this.loop = new PollingLoop(NAME, new Reading(), consumer::wakeup, consumer);
  }

  /**
   * Starts following {@code topic} with a consumer built from the consumer settings among {@code
   * clientConfig} (bootstrap servers, security; anything else, e.g. Kafka Streams' own keys, is
   * left out).
   */
  public static KafkaUserDirectory start(Map<String, ?> clientConfig, String topic) {
    Map<String, Object> config = new HashMap<>();
    clientConfig.forEach(
        (key, value) -> {
          if (ConsumerConfig.configNames().contains(key)) {
            config.put(key, value);
          }
        });
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.remove(ConsumerConfig.ISOLATION_LEVEL_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    KafkaUserDirectory directory = new KafkaUserDirectory(consumer, topic, Duration.ofMillis(200));
    directory.loop.start();
    return directory;
  }

  @Override
  public UserDirectory get() {
    return current;
  }

  /** Waits until every record present at start has been applied; true if it was in time. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True once every record present at start has been applied. */
  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  /** Completes when the reader ended: after {@link #close()}, or exceptionally when it died. */
  public CompletableFuture<Void> stopped() {
    return loop.stopped();
  }

  public String topic() {
    return topic;
  }

  @Override
  public void close() {
    loop.close();
  }

  private final class Reading implements PollingLoop.Body {
    private Map<TopicPartition, Long> end;

    @Override
    public void open() throws InterruptedException {
      end = retrying(() -> WholeTopic.assignFromBeginning(consumer, topic));
    }

    @Override
    public void poll() throws InterruptedException {
      retrying(KafkaUserDirectory.this::pollOnce);
      if (caughtUp.getCount() > 0 && WholeTopic.reached(consumer, end)) {
        LOG.info("user directory caught up with {}: {} users", topic, current.size());
        caughtUp.countDown();
      }
    }
  }

  // A broker that is away, a topic not created yet or a missing ACL must not end the thread: the
  // node would keep letting in a user revoked meanwhile. Said once, then quietly retried.
  private <T> T retrying(Supplier<T> step) throws InterruptedException {
    while (true) {
      try {
        return step.get();
      } catch (WakeupException e) {
        throw e;
      } catch (KafkaException e) {
        if (!warned) {
          LOG.warn("user directory cannot read {} yet ({}), retrying", topic, e.toString());
          warned = true;
        }
        Thread.sleep(pollTimeout.toMillis());
      }
    }
  }

  private Void pollOnce() {
    List<Map.Entry<String, Optional<User>>> changes = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : consumer.poll(pollTimeout)) {
      if (record.key() == null) {
        continue;
      }
      changes.add(new AbstractMap.SimpleImmutableEntry<>(record.key(), userOf(record)));
    }
    current = current.with(changes);
    return null;
  }

  /** The record's user; none for a tombstone, and none (denied) for one nobody can read. */
  private static Optional<User> userOf(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return Optional.empty();
    }
    try {
      User user = UserJson.read(record.value());
      if (!user.name().equals(record.key())) {
        throw new IllegalArgumentException("record key " + record.key() + " names another user");
      }
      return Optional.of(user);
    } catch (RuntimeException e) {
      LOG.warn(
          "user record at {}-{}@{} is unreadable, user {} denied: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          record.key(),
          e.getMessage());
      return Optional.empty();
    }
  }
}
