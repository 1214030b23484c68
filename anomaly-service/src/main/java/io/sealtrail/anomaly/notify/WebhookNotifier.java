package io.sealtrail.anomaly.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sealtrail.anomaly.view.AlertJson;
import io.sealtrail.avro.alert.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alert versions to the webhook on its own thread, in a consumer group of its own on the
 * alerts topic, committing each record's offset only after it was delivered or given up: a restart
 * resumes where delivery stopped, so no notification is lost (one may be sent twice).
 */
public final class WebhookNotifier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
  static final String DELIVERIES = "sealtrail.anomaly.webhook.deliveries";
  static final String FAILED_ATTEMPTS = "sealtrail.anomaly.webhook.failed.attempts";

  private final KafkaConsumer<String, Alert> consumer;
  private final String topic;
  private final WebhookConfig config;
  private final WebhookClient client;
  private final Backoff backoff;
  private final MeterRegistry registry;
  private final Thread thread;
  private final Object stopping = new Object();
  private volatile boolean running = true;
  private volatile boolean started;

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
    this.thread = new Thread(this::run, "anomaly-webhook");
    this.thread.setDaemon(true);
  }

  public WebhookNotifier start() {
    started = true;
    thread.start();
    return this;
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic));
      while (running) {
        for (ConsumerRecord<String, Alert> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() != null && selected(r.value()) && !deliver(r.value())) {
            return; // stopping mid-retry: not committed, so sent again after the restart
          }
          consumer.commitSync(
              Map.of(
                  new TopicPartition(r.topic(), r.partition()),
                  new OffsetAndMetadata(r.offset() + 1)));
        }
      }
    } catch (WakeupException | InterruptException e) {
      // close() woke a stuck call up: nothing past the last commit is lost.
    } catch (RuntimeException e) {
      LOG.error("webhook notifier stopped; alerts are no longer posted to {}", config.url(), e);
    } finally {
      consumer.close();
    }
  }

  // An alert's first version has one occurrence and only its OPEN transition.
  private boolean selected(Alert alert) {
    return config.everyChange() || (alert.getCount() == 1 && alert.getHistory().size() == 1);
  }

  /** True once delivered or given up; false when stopped before either. */
  private boolean deliver(Alert alert) {
    byte[] body = AlertJson.write(alert).getBytes(StandardCharsets.UTF_8);
    try {
      for (int attempt = 1; attempt <= config.maxAttempts() && running; attempt++) {
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
    if (!running) {
      return false;
    }
    outcome("given_up");
    LOG.error("webhook gave up on {} after {} attempts", alert.getAlertId(), config.maxAttempts());
    return true;
  }

  // A backoff that close() cuts short, so stopping never waits out a long delay.
  private void pause(Duration delay) throws InterruptedException {
    synchronized (stopping) {
      if (running) {
        stopping.wait(Math.max(1, delay.toMillis()));
      }
    }
  }

  private void outcome(String outcome) {
    Counter.builder(DELIVERIES).tag("outcome", outcome).register(registry).increment();
  }

  @Override
  public void close() {
    running = false;
    if (!started) {
      consumer.close(); // its thread, which closes it otherwise, never ran
      return;
    }
    synchronized (stopping) {
      stopping.notifyAll();
    }
    try {
      // The loop ends after its current poll, having committed what it delivered.
      thread.join(Duration.ofSeconds(5).toMillis());
      if (thread.isAlive()) {
        consumer.wakeup();
        thread.join(Duration.ofSeconds(5).toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
