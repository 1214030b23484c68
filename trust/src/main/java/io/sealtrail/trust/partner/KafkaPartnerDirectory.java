package io.sealtrail.trust.partner;

import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.platform.loop.PollingLoop;
import io.sealtrail.platform.loop.WholeTopic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partner directory as the compacted custody.partners topic says it is: reads every partition
 * from the beginning to the end offsets seen at start, then keeps following. A {@link PollingLoop}
 * named {@value #NAME} owns the consumer; {@link #get()} returns the latest immutable snapshot.
 * Kafka errors are retried; anything else ends the loop, and {@link #stopped()} says with what, so
 * that readiness turns DOWN naming the reader instead of a snapshot going stale silently.
 */
public final class KafkaPartnerDirectory implements Supplier<PartnerDirectory>, AutoCloseable {
  /** The reader's name in logs and in readiness. */
  public static final String NAME = "partnerDirectoryReader";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaPartnerDirectory.class);

  private final Consumer<String, PartnerRegistration> consumer;
  private final String topic;
  private final Duration pollTimeout;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final PollingLoop loop;
  private final Clock clock;
  private volatile PartnerDirectory current = PartnerDirectory.empty();
  private volatile Instant lastSuccessfulPoll;

  public KafkaPartnerDirectory(
      Consumer<String, PartnerRegistration> consumer, String topic, Duration pollTimeout) {
    this(consumer, topic, pollTimeout, Clock.systemUTC());
  }

  /** As above, with the clock that stamps successful polls (for tests). */
  public KafkaPartnerDirectory(
      Consumer<String, PartnerRegistration> consumer,
      String topic,
      Duration pollTimeout,
      Clock clock) {
    this.clock = clock;
    this.consumer = consumer;
    this.topic = topic;
    this.pollTimeout = pollTimeout;
    this.loop = new PollingLoop(NAME, new Reading(), consumer::wakeup, consumer);
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
    loop.start();
  }

  /**
   * Completes when the reader ends: normally after {@link #close()}, exceptionally with the cause
   * when it died; from then on the snapshot no longer changes.
   */
  public CompletableFuture<Void> stopped() {
    return loop.stopped();
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
    loop.close();
  }

  /** The loop's rounds: assign once, then apply what each poll brings. */
  private final class Reading implements PollingLoop.Body {
    private Map<TopicPartition, Long> end;

    @Override
    public void open() throws InterruptedException {
      end = retrying(() -> WholeTopic.assignFromBeginning(consumer, topic));
    }

    @Override
    public void poll() throws InterruptedException {
      retrying(KafkaPartnerDirectory.this::pollOnce);
      if (caughtUp.getCount() > 0 && WholeTopic.reached(consumer, end)) {
        LOG.info("partner directory caught up with {}: {} partners", topic, current.size());
        caughtUp.countDown();
      }
    }
  }

  /** True once every record present at start has been applied; for readiness checks. */
  public boolean isCaughtUp() {
    return caughtUp.getCount() == 0;
  }

  /**
   * When the broker last answered a poll (records or none), or empty before the first answer. While
   * the broker is away the snapshot keeps serving, unchanged: a revocation written meanwhile is not
   * seen.
   */
  public Optional<Instant> lastSuccessfulPoll() {
    return Optional.ofNullable(lastSuccessfulPoll);
  }

  /**
   * True when the directory has caught up and the broker answered within {@code maxAge}; when
   * false, ingest should answer 503 rather than verify against a snapshot that may miss a
   * revocation.
   */
  public boolean isFresh(Duration maxAge) {
    Instant polled = lastSuccessfulPoll;
    return isCaughtUp()
        && polled != null
        && Duration.between(polled, clock.instant()).compareTo(maxAge) <= 0;
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

  private Void pollOnce() {
    try {
      for (ConsumerRecord<String, PartnerRegistration> record : consumer.poll(pollTimeout)) {
        current = PartnerRecords.applied(current, record);
      }
    } catch (RecordDeserializationException e) {
      current = PartnerRecords.withdrawnUnreadable(current, e);
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }
    lastSuccessfulPoll = clock.instant();
    return null;
  }
}
