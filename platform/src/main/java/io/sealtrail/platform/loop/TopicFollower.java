package io.sealtrail.platform.loop;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
 * Follows a whole compacted topic on every node, without a consumer group: every partition from the
 * beginning, each record handed to {@code apply} in order, then keeps following. A {@link
 * PollingLoop} owns the consumer; Kafka errors (a broker away, a topic not created yet, a missing
 * ACL) are said once and retried, anything else ends the loop and {@link #stopped()} says with
 * what, so readiness turns DOWN naming it rather than a view going stale silently.
 */
public final class TopicFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

  private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
  private final String name;
  private final String topic;
  private final Duration pollTimeout;
  private final Consumer<ConsumerRecord<String, byte[]>> apply;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final PollingLoop loop;
  private boolean warned;

  public TopicFollower(
      org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
      String name,
      String topic,
      Duration pollTimeout,
      Consumer<ConsumerRecord<String, byte[]>> apply) {
    this.consumer = consumer;
    this.name = name;
    this.topic = topic;
    this.pollTimeout = pollTimeout;
    this.apply = apply;
    this.loop = new PollingLoop(name, new Reading(), consumer::wakeup, consumer);
  }

  /**
   * Starts following {@code topic} with a consumer built from the consumer settings among {@code
   * clientConfig} (bootstrap servers, security; other keys are left out).
   */
  public static TopicFollower start(
      Map<String, ?> clientConfig,
      String name,
      String topic,
      Consumer<ConsumerRecord<String, byte[]>> apply) {
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
    TopicFollower follower =
        new TopicFollower(consumer, name, topic, Duration.ofMillis(200), apply);
    follower.loop.start();
    return follower;
  }

  /** Waits until every record present at start has been applied; true if it was in time. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True once every record present at start has been applied. */
  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  /** Completes when the loop ended: after {@link #close()}, or exceptionally when it died. */
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
      retrying(
          () -> {
            consumer.poll(pollTimeout).forEach(apply);
            return null;
          });
      if (caughtUp.getCount() > 0 && WholeTopic.reached(consumer, end)) {
        LOG.info("{} caught up with {}", name, topic);
        caughtUp.countDown();
      }
    }
  }

  private <T> T retrying(Supplier<T> step) throws InterruptedException {
    while (true) {
      try {
        return step.get();
      } catch (WakeupException e) {
        throw e;
      } catch (KafkaException e) {
        if (!warned) {
          LOG.warn("{} cannot read {} yet ({}), retrying", name, topic, e.toString());
          warned = true;
        }
        Thread.sleep(pollTimeout.toMillis());
      }
    }
  }
}
