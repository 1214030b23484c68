package io.sealtrail.anomaly.view;

import io.sealtrail.avro.alert.Alert;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole alerts topic, committed transactions only, from the beginning into an {@link
 * AlertView} on its own thread, and keeps following it. No consumer group: every instance holds
 * every alert, so any instance answers any list or stream without forwarding.
 */
public final class AlertFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, Alert> consumer;
  private final String topic;
  private final AlertView view;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean started;
  private final Queue<CompletableFuture<Void>> asked = new ConcurrentLinkedQueue<>();
  // Only the feed thread touches the consumer, so it alone turns a request into log-end offsets.
  private final Map<CompletableFuture<Void>, Map<TopicPartition, Long>> awaited = new HashMap<>();

  public AlertFeed(
      String bootstrapServers, String topic, Deserializer<Alert> alerts, AlertView view) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // Alerts are written in Streams transactions: an aborted one must never be shown.
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), alerts);
    this.topic = topic;
    this.view = view;
    this.thread = new Thread(this::run, "anomaly-alert-feed");
    this.thread.setDaemon(true);
    view.readUpToLogEndWith(this::logEnd);
  }

  /** Completes once the view holds every alert the topic held when this was called. */
  public CompletableFuture<Void> logEnd() {
    CompletableFuture<Void> reached = new CompletableFuture<>();
    asked.add(reached);
    return reached;
  }

  public AlertFeed start() {
    started = true;
    thread.start();
    return this;
  }

  private void run() {
    try {
      Map<TopicPartition, Long> replayEnd = assignAll();
      while (running) {
        for (ConsumerRecord<String, Alert> r : consumer.poll(POLL)) {
          if (r.value() != null) {
            long end = replayEnd.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L);
            view.accept(r.value(), r.offset() >= end);
          }
        }
        if (!view.caughtUp() && caughtUp(replayEnd)) {
          view.markCaughtUp();
        }
        answerLogEndRequests();
      }
    } catch (WakeupException e) {
      // close() wakes the poll up; nothing else to do.
    } catch (RuntimeException e) {
      LOG.error("alert feed on {} stopped; the API no longer sees new alerts", topic, e);
    } finally {
      consumer.close();
    }
  }

  // The topic may not exist yet when the service starts before its topics are made.
  private Map<TopicPartition, Long> assignAll() throws WakeupException {
    List<PartitionInfo> partitions = consumer.partitionsFor(topic);
    while (running && (partitions == null || partitions.isEmpty())) {
      sleep();
      partitions = consumer.partitionsFor(topic);
    }
    List<TopicPartition> all =
        partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(all);
    consumer.seekToBeginning(all);
    return new HashMap<>(consumer.endOffsets(all));
  }

  private void answerLogEndRequests() {
    for (CompletableFuture<Void> request; (request = asked.poll()) != null; ) {
      awaited.put(request, consumer.endOffsets(consumer.assignment()));
    }
    awaited.entrySet().removeIf(a -> caughtUp(a.getValue()) && a.getKey().complete(null));
  }

  private boolean caughtUp(Map<TopicPartition, Long> replayEnd) {
    return replayEnd.entrySet().stream()
        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException();
    }
  }

  @Override
  public void close() {
    running = false;
    if (!started) {
      consumer.close(); // its thread, which closes it otherwise, never ran
      return;
    }
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
