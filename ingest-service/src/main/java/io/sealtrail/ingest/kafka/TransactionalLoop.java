package io.sealtrail.ingest.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.Consumer;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exactly-once consume-transform-produce loop on its own thread: poll, write the batch's output
 * and its input offsets in one transaction (fenced by the consumer's group metadata, KIP-447), and
 * on an abortable error abort and read the batch again from the committed offsets. No transaction
 * is open while polling, so a rebalance never interrupts one.
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
  private volatile boolean running = true;

  public TransactionalLoop(
      String name,
      String input,
      Consumer<String, byte[]> consumer,
      Producer<String, byte[]> producer,
      BatchHandler handler) {
    this.input = input;
    this.consumer = consumer;
    this.producer = producer;
    this.handler = handler;
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
        handler);
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
      consumer.subscribe(List.of(input), handler);
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
        if (!records.isEmpty()) {
          processInTransaction(records);
        }
      }
      stopped.complete(null);
    } catch (RuntimeException e) {
      LOG.error("{} stopped: {}", thread.getName(), e.toString(), e);
      stopped.completeExceptionally(e);
    }
  }

  private void processInTransaction(ConsumerRecords<String, byte[]> records) {
    producer.beginTransaction();
    try {
      handler.process(records, producer);
      producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
      producer.commitTransaction();
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

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      next.put(
          new TopicPartition(record.topic(), record.partition()),
          new OffsetAndMetadata(record.offset() + 1));
    }
    return next;
  }

  /** Lets the current batch commit, then stops and closes the clients. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    if (thread.getState() == Thread.State.NEW) {
      consumer.close();
      producer.close();
      stopped.complete(null);
      return;
    }
    thread.join();
  }
}
