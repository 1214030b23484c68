package io.sealtrail.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop gathers the records of several polls into one transaction, in the order polled, and
 * commits it when it holds enough records or its first record waited long enough, on an injected
 * clock that only the test moves: the time bound fires with no further traffic.
 */
class TransactionalLoopTest {
  private static final String INPUT = "in";
  private static final TopicPartition P0 = new TopicPartition(INPUT, 0);
  private static final TopicPartition P1 = new TopicPartition(INPUT, 1);
  private static final Duration DELAY = Duration.ofMillis(50);

  private final AtomicLong now = new AtomicLong();
  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
  private final Handler handler = new Handler();
  private TransactionalLoop loop;

  @AfterEach
  void close() throws InterruptedException {
    if (loop != null) {
      loop.close();
    }
  }

  @Test
  void shouldCommitOnTimeWhenNoFurtherRecordArrives() throws InterruptedException {
    start(new TransactionBounds(100, DELAY));
    add(P0, 0, "a");
    add(P1, 0, "b");
    awaitPolled(2);
    Thread.sleep(200); // real time passes, the loop's clock does not: nothing may commit yet
    assertThat(handler.batches).isEmpty();

    now.addAndGet(DELAY.toNanos());

    Eventually.await(() -> handler.committed.get(), n -> n == 1, "the time-bound commit");
    // Two partitions polled together: one transaction, in whichever order the poll gave them.
    assertThat(values(handler.batches.get(0))).containsExactlyInAnyOrder("a", "b");
    assertThat(lastCommittedOffsets()).containsEntry(P0, 1L).containsEntry(P1, 1L);
  }

  @Test
  void shouldCommitOnceItHoldsMaxRecordsGatheredOverSeveralPolls() throws InterruptedException {
    start(new TransactionBounds(3, Duration.ofHours(1)));
    add(P0, 0, "a");
    awaitPolled(1);
    add(P0, 1, "b");
    awaitPolled(2);
    Thread.sleep(100);
    assertThat(handler.batches).isEmpty();

    add(P1, 0, "c");

    Eventually.await(() -> handler.committed.get(), n -> n == 1, "the size-bound commit");
    assertThat(values(handler.batches.get(0))).containsExactly("a", "b", "c");
    assertThat(lastCommittedOffsets()).containsEntry(P0, 2L).containsEntry(P1, 1L);
  }

  @Test
  void shouldKeepTheOrderOfEachPartitionAcrossPollsAndTransactions() throws InterruptedException {
    start(new TransactionBounds(2, Duration.ofHours(1)));
    for (int i = 0; i < 6; i++) {
      add(P0, i, "p0-" + i);
      awaitPolled(i + 1);
    }

    Eventually.await(() -> handler.committed.get(), n -> n == 3, "three transactions");
    assertThat(producer.history())
        .extracting(ProducerRecord::key)
        .containsExactly("p0-0", "p0-1", "p0-2", "p0-3", "p0-4", "p0-5");
  }

  @Test
  void shouldCommitWhatWasPolledWhenClosed() throws InterruptedException {
    start(new TransactionBounds(100, Duration.ofHours(1)));
    add(P0, 0, "a");
    awaitPolled(1);

    loop.close();
    loop = null;

    assertThat(handler.committed.get()).isEqualTo(1);
    assertThat(lastCommittedOffsets()).containsEntry(P0, 1L);
  }

  private void start(TransactionBounds bounds) throws InterruptedException {
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    consumer.schedulePollTask(() -> consumer.rebalance(List.of(P0, P1)));
    loop = new TransactionalLoop("test-loop", INPUT, consumer, producer, handler, bounds, now::get);
    loop.start();
    Eventually.await(this::assignment, a -> a.size() == 2, "the assignment");
  }

  private java.util.Set<TopicPartition> assignment() {
    return consumer.assignment();
  }

  private void add(TopicPartition partition, long offset, String value) {
    consumer.addRecord(
        new ConsumerRecord<>(
            INPUT, partition.partition(), offset, value, value.getBytes(StandardCharsets.UTF_8)));
  }

  private void awaitPolled(int count) throws InterruptedException {
    Eventually.await(handler.polled::get, n -> n >= count, count + " records polled");
  }

  /** The offsets of the last transaction that carried records' offsets, per partition. */
  private Map<TopicPartition, Long> lastCommittedOffsets() {
    var history = producer.consumerGroupOffsetsHistory();
    Map<TopicPartition, OffsetAndMetadata> last =
        history.get(history.size() - 1).values().iterator().next();
    return last.entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private static List<String> values(List<ConsumerRecord<String, byte[]>> batch) {
    return batch.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
  }

  /** Sends one record per input record, keyed by its value, and remembers what it was given. */
  private static final class Handler implements BatchHandler {
    final AtomicInteger polled = new AtomicInteger();
    final AtomicInteger committed = new AtomicInteger();
    final List<List<ConsumerRecord<String, byte[]>>> batches = new CopyOnWriteArrayList<>();

    @Override
    public void polled(List<ConsumerRecord<String, byte[]>> records) {
      polled.addAndGet(records.size());
    }

    @Override
    public void process(
        List<ConsumerRecord<String, byte[]>> records, Producer<String, byte[]> producer) {
      batches.add(List.copyOf(records));
      for (ConsumerRecord<String, byte[]> record : records) {
        producer.send(
            new ProducerRecord<>(
                "out", new String(record.value(), StandardCharsets.UTF_8), record.value()));
      }
    }

    @Override
    public void committed() {
      committed.incrementAndGet();
    }
  }
}
