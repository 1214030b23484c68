package io.sealtrail.trust.partner;

import io.sealtrail.avro.partner.PartnerRegistration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partner directory as the compacted custody.partners topic says it is: reads every partition
 * from the beginning to the end offsets seen at start, then keeps following. A background thread
 * owns the consumer; {@link #get()} returns the latest immutable snapshot.
 */
public final class KafkaPartnerDirectory implements Supplier<PartnerDirectory>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaPartnerDirectory.class);

  private final Consumer<String, PartnerRegistration> consumer;
  private final String topic;
  private final Duration pollTimeout;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread thread;
  private volatile PartnerDirectory current = PartnerDirectory.empty();
  private volatile boolean running = true;

  public KafkaPartnerDirectory(
      Consumer<String, PartnerRegistration> consumer, String topic, Duration pollTimeout) {
    this.consumer = consumer;
    this.topic = topic;
    this.pollTimeout = pollTimeout;
    this.thread = new Thread(this::run, "partner-directory-" + topic);
    this.thread.setDaemon(true);
  }

  /**
   * Starts following {@code topic} with a consumer built from {@code consumerConfig} (bootstrap
   * servers, security); no consumer group is used, every instance reads the whole topic.
   */
  public static KafkaPartnerDirectory start(
      Map<String, Object> consumerConfig,
      String topic,
      Deserializer<PartnerRegistration> valueDeserializer) {
    Map<String, Object> config = new HashMap<>(consumerConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    var consumer = new KafkaConsumer<>(config, new StringDeserializer(), valueDeserializer);
    KafkaPartnerDirectory directory =
        new KafkaPartnerDirectory(consumer, topic, Duration.ofMillis(500));
    directory.start();
    return directory;
  }

  public void start() {
    thread.start();
  }

  /** Waits until every record present at start has been applied; true if it was in time. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public PartnerDirectory get() {
    return current;
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Applies one record of the partners topic: a registration replaces, a tombstone removes. */
  static PartnerDirectory apply(
      PartnerDirectory directory, String partnerId, PartnerRegistration value) {
    if (value == null) {
      return directory.without(partnerId);
    }
    return directory.with(
        PartnerRegistrationMapping.toPartner(
            value, invalid -> LOG.error("ignoring an unusable key: {}", invalid.getMessage())));
  }

  private void run() {
    try {
      Map<TopicPartition, Long> end = retrying(this::assignFromBeginning);
      while (running) {
        retrying(this::pollOnce);
        if (caughtUp.getCount() > 0 && reached(end)) {
          LOG.info("partner directory caught up with {}: {} partners", topic, current.size());
          caughtUp.countDown();
        }
      }
    } catch (WakeupException | InterruptedException e) {
      // close() was called.
    } finally {
      consumer.close();
    }
  }

  /** True once every record present at start has been applied; for readiness checks. */
  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  // A broker that is away or a missing ACL must not end the thread: the snapshot would go stale
  // silently.
  private <T> T retrying(Supplier<T> step) throws InterruptedException {
    while (true) {
      try {
        return step.get();
      } catch (WakeupException e) {
        throw e;
      } catch (KafkaException e) {
        LOG.warn("partner directory cannot read {} ({}), retrying", topic, e.toString());
        Thread.sleep(pollTimeout.toMillis());
      }
    }
  }

  private Map<TopicPartition, Long> assignFromBeginning() {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer.endOffsets(partitions);
  }

  private Void pollOnce() {
    try {
      for (ConsumerRecord<String, PartnerRegistration> record : consumer.poll(pollTimeout)) {
        applyLogged(record);
      }
    } catch (RecordDeserializationException e) {
      forgetUnreadable(e);
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }
    return null;
  }

  // Fail closed: a registration that cannot be read may have revoked a key, so its partner's
  // keys stop verifying until a readable registration arrives.
  private void forgetUnreadable(RecordDeserializationException e) {
    String partnerId =
        e.keyBuffer() == null
            ? null
            : StandardCharsets.UTF_8.decode(e.keyBuffer().duplicate()).toString();
    LOG.error(
        "unreadable partner registration at {}@{} for partner {}; its keys are withdrawn until a readable one arrives",
        e.topicPartition(),
        e.offset(),
        partnerId,
        e);
    if (partnerId != null) {
      current = current.without(partnerId);
    }
  }

  private void applyLogged(ConsumerRecord<String, PartnerRegistration> record) {
    try {
      current = apply(current, record.key(), record.value());
    } catch (IllegalArgumentException e) {
      // Invalid as a whole (no partner id, a key listed twice): the previous registration stays.
      LOG.error(
          "ignoring invalid partner registration at {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage());
    }
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
