package io.sealtrail.ingest.gateway;

import io.sealtrail.platform.loop.PollingLoop;
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
 * it the event, is committed. Runs as a {@link PollingLoop} named {@value #NAME}: if it dies, no
 * submission can be answered, and readiness says so under that name.
 */
final class ReplyFollower implements AutoCloseable {
  static final String NAME = SubmissionGateway.REPLY_FOLLOWER;
  private static final Logger LOG = LoggerFactory.getLogger(ReplyFollower.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Consumer<String, byte[]> consumer;
  private final String topic;
  private final PendingReplies pending;
  private final Duration timeout;
  private final PollingLoop loop;
  private final CountDownLatch positioned = new CountDownLatch(1);

  ReplyFollower(
      Consumer<String, byte[]> consumer, String topic, PendingReplies pending, Duration timeout) {
    this.consumer = consumer;
    this.topic = topic;
    this.pending = pending;
    this.timeout = timeout;
    this.loop = new PollingLoop(NAME, new Following(), consumer::wakeup, consumer);
  }

  /**
   * Starts following, and returns once positioned at the end, so no later reply is missed; false if
   * that took longer than the timeout or the loop died first.
   */
  boolean start() throws InterruptedException {
    loop.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!positioned.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
      if (loop.stopped().isDone() || System.nanoTime() > deadline) {
        return false;
      }
    }
    return true;
  }

  /** The loop's rounds: position at the end once, then complete what each poll brings. */
  private final class Following implements PollingLoop.Body {
    @Override
    public void open() throws InterruptedException {
      List<TopicPartition> partitions = partitions();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position); // resolve the end now, before anything is sent
      positioned.countDown();
    }

    @Override
    public void poll() {
      consumer.poll(POLL).forEach(ReplyFollower.this::complete);
    }
  }

  /** Completes when following ends: normally after {@link #close()}, exceptionally on a failure. */
  CompletableFuture<Void> stopped() {
    return loop.stopped();
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

  /** Stops following and closes the consumer. */
  @Override
  public void close() {
    loop.close();
  }
}
