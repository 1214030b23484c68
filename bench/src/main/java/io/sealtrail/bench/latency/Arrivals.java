package io.sealtrail.bench.latency;

import io.sealtrail.bench.kafka.Clients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Notes when the first committed record about each serial arrives on a topic: a read_committed
 * consumer on its own thread, as a downstream reader would see it.
 */
public final class Arrivals implements AutoCloseable {
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);
  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  /** Starts reading {@code topic}; {@code serialOf} finds the serial in a record's key. */
  public Arrivals(String bootstrapServers, String topic, Function<String, String> serialOf) {
    consumer = Clients.committedReader(bootstrapServers);
    CountDownLatch assigned = new CountDownLatch(1);
    consumer.subscribe(
        List.of(topic),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned.countDown();
          }
        });
    thread = new Thread(() -> poll(serialOf), "arrivals-" + topic);
    thread.setDaemon(true);
    thread.start();
    // Joining the group takes seconds; a record sent before would count that time as latency.
    try {
      if (!assigned.await(JOIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("no partitions of " + topic + " within " + JOIN_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void poll(Function<String, String> serialOf) {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
          long now = System.nanoTime();
          String key = new String(record.key(), StandardCharsets.UTF_8);
          firstSeen.putIfAbsent(serialOf.apply(key), now);
        }
      }
    } finally {
      consumer.close();
    }
  }

  /** When a record about {@code serial} first arrived (nanoTime), if it did. */
  public Long arrival(String serial) {
    return firstSeen.get(serial);
  }

  /** How many serials have arrived so far. */
  public int arrived() {
    return firstSeen.size();
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
