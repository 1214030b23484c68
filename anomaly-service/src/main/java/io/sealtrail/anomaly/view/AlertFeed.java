package io.sealtrail.anomaly.view;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.platform.kafka.KafkaAccess;
import io.sealtrail.platform.loop.PollingLoop;
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
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the whole alerts topic, committed transactions only, from the beginning into an {@link
 * AlertView} on its own thread, and keeps following it. No consumer group: every instance holds
 * every alert, so any instance answers any list or stream without forwarding. Runs as a {@link
 * PollingLoop} named {@value #NAME}: if it dies (e.g. on an alert it cannot read), {@link
 * #stopped()} says with what and readiness turns DOWN naming it, rather than the API silently no
 * longer seeing new alerts.
 */
public final class AlertFeed implements AutoCloseable {
  /** The feed's name in logs and in readiness. */
  public static final String NAME = "alertFeed";

  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, Alert> consumer;
  private final String topic;
  private final AlertView view;
  private final PollingLoop loop;
  private final Queue<CompletableFuture<Void>> asked = new ConcurrentLinkedQueue<>();
  // Only the feed thread touches the consumer, so it alone turns a request into log-end offsets.
  private final Map<CompletableFuture<Void>, Map<TopicPartition, Long>> awaited = new HashMap<>();

  public AlertFeed(KafkaAccess kafka, String topic, Deserializer<Alert> alerts, AlertView view) {
    Properties p = kafka.properties();
    // Alerts are written in Streams transactions: an aborted one must never be shown.
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), alerts);
    this.topic = topic;
    this.view = view;
    this.loop = new PollingLoop(NAME, new Following(), consumer::wakeup, consumer);
    view.readUpToLogEndWith(this::logEnd);
  }

  /** Completes once the view holds every alert the topic held when this was called. */
  public CompletableFuture<Void> logEnd() {
    CompletableFuture<Void> reached = new CompletableFuture<>();
    asked.add(reached);
    return reached;
  }

  public AlertFeed start() {
    loop.start();
    return this;
  }

  /**
   * Completes when the feed ends: normally after {@link #close()}, exceptionally with the cause
   * when it died; from then on the view no longer changes.
   */
  public CompletableFuture<Void> stopped() {
    return loop.stopped();
  }

  /** The loop's rounds: assign every partition from the beginning once, then apply each poll. */
  private final class Following implements PollingLoop.Body {
    private Map<TopicPartition, Long> replayEnd = Map.of();

    @Override
    public void open() throws InterruptedException {
      replayEnd = assignAll();
    }

    @Override
    public void poll() {
      for (ConsumerRecord<String, Alert> r : consumer.poll(POLL)) {
        if (r.value() != null) {
          long end = replayEnd.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L);
          view.accept(r.value(), r.offset() >= end);
        }
      }
      view.sweep();
      if (!view.caughtUp() && caughtUp(replayEnd)) {
        view.markCaughtUp();
      }
      answerLogEndRequests();
    }
  }

  // The topic may not exist yet when the service starts before its topics are made.
  private Map<TopicPartition, Long> assignAll() throws InterruptedException {
    List<PartitionInfo> partitions = consumer.partitionsFor(topic);
    while (partitions == null || partitions.isEmpty()) {
      if (!loop.running()) {
        return Map.of();
      }
      Thread.sleep(POLL.toMillis());
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

  @Override
  public void close() {
    loop.close();
  }
}
