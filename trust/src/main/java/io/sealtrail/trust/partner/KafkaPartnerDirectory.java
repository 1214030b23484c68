package io.sealtrail.trust.partner;

import io.sealtrail.avro.partner.PartnerRegistration;
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
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(Duration.ofSeconds(10).toMillis());
  }

  /** Applies one record of the partners topic: a registration replaces, a tombstone removes. */
  static PartnerDirectory apply(
      PartnerDirectory directory, String partnerId, PartnerRegistration value) {
    if (value == null) {
      return directory.without(partnerId);
    }
    return directory.with(PartnerRegistrationMapping.toPartner(value));
  }

  private void run() {
    try {
      Map<TopicPartition, Long> end = assignFromBeginning();
      while (running) {
        pollOnce();
        if (caughtUp.getCount() > 0 && reached(end)) {
          LOG.info("partner directory caught up with {}: {} partners", topic, current.size());
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // close() was called.
    } finally {
      consumer.close();
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

  private void pollOnce() {
    try {
      for (ConsumerRecord<String, PartnerRegistration> record : consumer.poll(pollTimeout)) {
        applyLogged(record);
      }
    } catch (RecordDeserializationException e) {
      LOG.error(
          "skipping unreadable partner registration at {}@{}", e.topicPartition(), e.offset(), e);
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }
  }

  private void applyLogged(ConsumerRecord<String, PartnerRegistration> record) {
    try {
      current = apply(current, record.key(), record.value());
    } catch (IllegalArgumentException e) {
      // The previous registration of this partner stays in force; the admin API should not have
      // written this.
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
