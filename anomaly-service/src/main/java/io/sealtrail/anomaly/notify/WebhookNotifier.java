package io.sealtrail.anomaly.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sealtrail.anomaly.view.AlertJson;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.platform.loop.PollingLoop;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alert versions to the webhook on its own thread, in a consumer group of its own on the
 * alerts topic, committing each record's offset only after it was delivered or given up: a restart
 * resumes where delivery stopped, so no notification is lost (one may be sent twice). Runs as a
 * {@link PollingLoop} named {@value #NAME}: if it dies (e.g. on an alert it cannot read), {@link
 * #stopped()} says with what and readiness turns DOWN naming it.
 */
public final class WebhookNotifier implements AutoCloseable {
  /** The notifier's name in logs and in readiness. */
  public static final String NAME = "webhookNotifier";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
  static final String DELIVERIES = "sealtrail.anomaly.webhook.deliveries";
  static final String FAILED_ATTEMPTS = "sealtrail.anomaly.webhook.failed.attempts";

  private final KafkaConsumer<String, Alert> consumer;
  private final String topic;
  private final WebhookConfig config;
  private final WebhookClient client;
  private final Backoff backoff;
  private final MeterRegistry registry;
  private final PollingLoop loop;
  private final Object stopping = new Object();

  public WebhookNotifier(
      Map<String, Object> consumerConfig,
      String topic,
      Deserializer<Alert> alerts,
      WebhookConfig config,
      MeterRegistry registry) {
    Properties p = new Properties();
    p.putAll(consumerConfig);
    // Committed by hand after delivery: the committed offset is the durable position.
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
    // Retries with backoff may hold one record for minutes; the group must not evict us meanwhile.
    p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), alerts);
    this.topic = topic;
    this.config = config;
    this.client = new WebhookClient(config, Clock.systemUTC());
    this.backoff =
        new Backoff(config.initialBackoff(), config.maxBackoff(), RandomGenerator.getDefault());
    this.registry = registry;
    // Stopping cuts a backoff short but lets the current poll end and commit what it delivered.
    this.loop = new PollingLoop(NAME, new Delivering(), this::stopWaiting, consumer);
  }

  public WebhookNotifier start() {
    loop.start();
    return this;
  }

  /**
   * Completes when the notifier ends: normally after {@link #close()}, exceptionally with the cause
   * when it died; from then on no alert is posted.
   */
  public CompletableFuture<Void> stopped() {
    return loop.stopped();
  }

  /** The loop's rounds: deliver what each poll brings, committing each record once it is done. */
  private final class Delivering implements PollingLoop.Body {
    /** The offsets this loop committed last, so an idle poll commits nothing again. */
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    @Override
    public void open() {
      consumer.subscribe(List.of(topic));
    }

    @Override
    public void poll() {
      for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(500))) {
        if (r.value() != null && selected(r.value(), r.timestamp()) && !deliver(r.value())) {
          return; // stopping mid-retry: not committed, so sent again after the restart
        }
        commit(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
      }
      // Every record polled is done. The alerts topic is written in transactions, so it ends with
      // a commit marker no poll returns; the position has stepped over it (read_committed), and
      // committing it leaves lag 0 once alerts stop instead of 1 per partition (issue 13).
      for (TopicPartition p : consumer.assignment()) {
        commit(p, consumer.position(p));
      }
    }

    private void commit(TopicPartition partition, long offset) {
      if (committed.getOrDefault(partition, -1L) != offset) {
        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        committed.put(partition, offset);
      }
    }
  }

  // An alert's first version has one occurrence and only its OPEN transition. The escalation is
  // posted again: that version is written at the instant it marks (escalatedAt), later ones not.
  private boolean selected(Alert alert, long writtenAt) {
    boolean first = alert.getCount() == 1 && alert.getHistory().size() == 1;
    boolean escalation =
        alert.getEscalatedAt() != null && alert.getEscalatedAt().toEpochMilli() == writtenAt;
    return config.everyChange() || first || escalation;
  }

  /** True once delivered or given up; false when stopped before either. */
  private boolean deliver(Alert alert) {
    byte[] body = AlertJson.write(alert).getBytes(StandardCharsets.UTF_8);
    try {
      for (int attempt = 1; attempt <= config.maxAttempts() && loop.running(); attempt++) {
        if (attempt > 1) {
          pause(backoff.before(attempt));
        }
        if (client.post(alert.getAlertId(), body)) {
          outcome("delivered");
          return true;
        }
        Counter.builder(FAILED_ATTEMPTS).register(registry).increment();
        LOG.warn("webhook attempt {} for {} failed", attempt, alert.getAlertId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    if (!loop.running()) {
      return false;
    }
    outcome("given_up");
    LOG.error("webhook gave up on {} after {} attempts", alert.getAlertId(), config.maxAttempts());
    return true;
  }

  // A backoff that close() cuts short, so stopping never waits out a long delay.
  private void pause(Duration delay) throws InterruptedException {
    synchronized (stopping) {
      if (loop.running()) {
        stopping.wait(Math.max(1, delay.toMillis()));
      }
    }
  }

  private void outcome(String outcome) {
    Counter.builder(DELIVERIES).tag("outcome", outcome).register(registry).increment();
  }

  private void stopWaiting() {
    synchronized (stopping) {
      stopping.notifyAll();
    }
  }

  /** Stops after the current poll, having committed what it delivered. */
  @Override
  public void close() {
    loop.close();
  }
}
