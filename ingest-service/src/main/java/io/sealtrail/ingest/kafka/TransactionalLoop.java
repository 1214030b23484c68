package io.sealtrail.ingest.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exactly-once consume-transform-produce loop on its own thread: poll, write the batch's output
 * and its input offsets in one transaction (fenced by the consumer's group metadata, KIP-447), and
 * on an abortable error abort and read the batch again from the committed offsets. No transaction
 * is open while polling, so a rebalance never interrupts one.
 *
 * <p>A batch gathers the records of several polls, within {@link TransactionBounds} (ADR 16): every
 * transaction costs the same broker round trips whatever its size, so fewer, larger ones carry more
 * records per second. Each poll's records are handed to {@link BatchHandler#polled} at once, so the
 * handler can start work on them (e.g. verify on other threads) while the loop polls on; they are
 * processed, in the order polled, when the batch is due. Records gathered for partitions this loop
 * loses are dropped: nothing was written for them and their offsets were not committed.
 *
 * <p>The offsets committed are the consumer's positions, not the last record's offset + 1: a
 * transaction's commit marker follows its last record, and read_committed consumers step over it
 * without returning it. Committing the position (also after a poll that returned nothing but moved
 * past a marker, in a transaction of offsets alone, which writes no marker to the input) leaves the
 * group's lag at 0 once traffic stops, as {@code kafka-consumer-groups --describe} shows it.
 */
public final class TransactionalLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalLoop.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration RETRY_BACKOFF = Duration.ofMillis(500);

  private final String input;
  private final Consumer<String, byte[]> consumer;
  private final Producer<String, byte[]> producer;
  private final BatchHandler handler;
  private final Thread thread;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  // The offsets this loop's last commits left per owned partition; loop thread only.
  private final Map<TopicPartition, Long> committed = new HashMap<>();
  // The records polled for the next transaction; loop thread only.
  private final OpenBatch open;
  private volatile boolean running = true;

  public TransactionalLoop(
      String name,
      String input,
      Consumer<String, byte[]> consumer,
      Producer<String, byte[]> producer,
      BatchHandler handler,
      TransactionBounds bounds,
      LongSupplier nanoTime) {
    this.input = input;
    this.consumer = consumer;
    this.producer = producer;
    this.handler = handler;
    this.open = new OpenBatch(bounds, nanoTime);
    this.thread = new Thread(this::run, name);
  }

  /**
   * A loop named {@code role-instanceId} over {@code input} in the consumer group of {@code role},
   * with the clients {@code settings} give that role.
   */
  public static TransactionalLoop of(
      ClientSettings settings, String role, String instanceId, String input, BatchHandler handler) {
    return new TransactionalLoop(
        "ingest-" + role + "-" + instanceId,
        input,
        new KafkaConsumer<>(settings.loopConsumer(role)),
        new KafkaProducer<>(settings.transactionalProducer(role)),
        handler,
        settings.transactionBounds(),
        System::nanoTime);
  }

  public void start() {
    thread.start();
  }

  /** Completes when the loop ends: normally after {@link #close()}, exceptionally on a crash. */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  private void run() {
    try (consumer;
        producer) {
      producer.initTransactions();
      consumer.subscribe(List.of(input), new Ownership());
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(open.pollTimeout(POLL));
        if (!records.isEmpty()) {
          List<ConsumerRecord<String, byte[]>> polled = list(records);
          open.add(polled);
          handler.polled(polled);
        }
        if (open.due()) {
          processInTransaction(open.take());
        } else if (open.isEmpty() && records.isEmpty()) {
          commitSkippedMarkers();
        }
      }
      if (!open.isEmpty()) {
        processInTransaction(open.take()); // what was polled before close() still commits
      }
      stopped.complete(null);
    } catch (RuntimeException e) {
      LOG.error("{} stopped: {}", thread.getName(), e.toString(), e);
      stopped.completeExceptionally(e);
    } finally {
      handler.closed();
    }
  }

  private static List<ConsumerRecord<String, byte[]>> list(
      ConsumerRecords<String, byte[]> records) {
    List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
    records.forEach(list::add);
    return list;
  }

  private void processInTransaction(List<ConsumerRecord<String, byte[]>> records) {
    producer.beginTransaction();
    try {
      handler.process(records, producer);
      Map<TopicPartition, OffsetAndMetadata> offsets = nextOffsets(records);
      producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
      producer.commitTransaction();
      remember(offsets);
      handler.committed();
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
      handler.aborted();
      throw e; // fatal for this producer: another instance took over, or we may not write
    } catch (KafkaException e) {
      LOG.warn("{} aborts a batch and reads it again: {}", thread.getName(), e.toString());
      abortAndRewind();
    } catch (RuntimeException e) {
      producer.abortTransaction();
      handler.aborted();
      throw e; // not a Kafka error: stop rather than fail the same batch for ever
    }
  }

  private void abortAndRewind() {
    producer.abortTransaction();
    handler.aborted();
    Set<TopicPartition> assigned = consumer.assignment();
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
    for (TopicPartition partition : assigned) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, offset);
      }
    }
    pauseBeforeRetry();
  }

  /** A failure that repeats (e.g. an unreachable schema registry) must not spin the loop. */
  private void pauseBeforeRetry() {
    try {
      Thread.sleep(RETRY_BACKOFF.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /**
   * Where to resume each partition after {@code records}: past its last record, and past any commit
   * marker the consumer already stepped over, in this or in an earlier empty poll.
   */
  private Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      List<ConsumerRecord<String, byte[]>> records) {
    Map<TopicPartition, OffsetAndMetadata> next = advancedPositions();
    for (ConsumerRecord<String, byte[]> record : records) {
      next.merge(
          new TopicPartition(record.topic(), record.partition()),
          new OffsetAndMetadata(record.offset() + 1),
          (position, afterRecord) ->
              position.offset() >= afterRecord.offset() ? position : afterRecord);
    }
    return next;
  }

  /**
   * After a poll that returned nothing: commits, in a transaction of offsets alone, positions that
   * moved past commit markers (or aborted records) since the last commit, so an idle group has no
   * lag. Such a transaction writes markers only to the offsets topic, never to the input.
   */
  private void commitSkippedMarkers() {
    Map<TopicPartition, OffsetAndMetadata> advanced = advancedPositions();
    if (advanced.isEmpty()) {
      return;
    }
    producer.beginTransaction();
    try {
      producer.sendOffsetsToTransaction(advanced, consumer.groupMetadata());
      producer.commitTransaction();
      remember(advanced);
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.warn("{} could not commit idle offsets, tries again: {}", thread.getName(), e.toString());
      producer.abortTransaction();
    }
  }

  /** The owned partitions whose position is past what this loop last committed for them. */
  private Map<TopicPartition, OffsetAndMetadata> advancedPositions() {
    Map<TopicPartition, OffsetAndMetadata> advanced = new HashMap<>();
    for (TopicPartition partition : consumer.assignment()) {
      long position;
      try {
        position = consumer.position(partition, Duration.ZERO);
      } catch (TimeoutException e) {
        continue; // not positioned yet (just assigned): its first poll decides
      }
      Long done = committed.get(partition);
      if (done == null || position > done) {
        advanced.put(partition, new OffsetAndMetadata(position));
      }
    }
    return advanced;
  }

  private void remember(Map<TopicPartition, OffsetAndMetadata> offsets) {
    offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
  }

  /** The handler's rebalance listener, forgetting what was committed for partitions let go. */
  private final class Ownership implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      handler.onPartitionsAssigned(partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      partitions.forEach(committed::remove);
      open.drop(partitions);
      handler.onPartitionsRevoked(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      partitions.forEach(committed::remove);
      open.drop(partitions);
      handler.onPartitionsLost(partitions);
    }
  }

  /** Lets the current batch (what was polled so far) commit, then stops and closes the clients. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    if (thread.getState() == Thread.State.NEW) {
      consumer.close();
      producer.close();
      handler.closed();
      stopped.complete(null);
      return;
    }
    thread.join();
  }
}
