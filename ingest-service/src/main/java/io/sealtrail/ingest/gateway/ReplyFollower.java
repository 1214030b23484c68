package io.sealtrail.ingest.gateway;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of the replies topic from its end, read_committed, and completes this
 * instance's pending submissions. A reply is only visible once the verifier's transaction, and with
 * it the event, is committed.
 */
final class ReplyFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyFollower.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Consumer<String, byte[]> consumer;
  private final String topic;
  private final PendingReplies pending;
  private final Duration timeout;
  private final Thread thread = new Thread(this::run, "ingest-gateway-replies");
  private final CountDownLatch positioned = new CountDownLatch(1);
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile boolean running = true;

  ReplyFollower(
      Consumer<String, byte[]> consumer, String topic, PendingReplies pending, Duration timeout) {
    this.consumer = consumer;
    this.topic = topic;
    this.pending = pending;
    this.timeout = timeout;
  }

  /** Starts following, and returns once positioned at the end, so no later reply is missed. */
  boolean start() throws InterruptedException {
    thread.setDaemon(true);
    thread.start();
    return positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    try (consumer) {
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve the end now, before anything is sent
      positioned.countDown();
      while (running) {
        consumer.poll(POLL).forEach(this::complete);
      }
      stopped.complete(null);
    } catch (RuntimeException e) {
      LOG.error("reply follower stopped; no submission can be answered", e);
      stopped.completeExceptionally(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped.completeExceptionally(e);
    }
  }

  /** Completes when following ends: normally after {@link #close()}, exceptionally on a failure. */
  CompletableFuture<Void> stopped() {
    return stopped;
  }

  /** The topic's partitions, waiting while a just-created topic's metadata propagates. */
  private List<TopicPartition> partitions() throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, timeout).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      if (!partitions.isEmpty()) {
        return partitions;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("topic " + topic + " has no partitions after " + timeout);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private void complete(ConsumerRecord<String, byte[]> record) {
    try {
      pending.complete(record.key(), ReplyCodec.decode(record.value()));
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "unreadable reply {} at {}-{}@{}",
          record.key(),
          record.topic(),
          record.partition(),
          record.offset(),
          e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    if (thread.getState() == Thread.State.NEW) {
      consumer.close();
      stopped.complete(null);
      return;
    }
    thread.join();
  }
}
