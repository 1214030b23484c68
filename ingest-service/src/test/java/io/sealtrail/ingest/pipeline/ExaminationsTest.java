package io.sealtrail.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Examinations run on the pool in any order and are taken back in the records' order, each its own
 * record's; what was not started or was forgotten is examined by the taking thread.
 */
class ExaminationsTest {
  private final List<Long> finished = new CopyOnWriteArrayList<>();
  private final CountDownLatch secondDone = new CountDownLatch(1);
  private Examinations<String> examinations;

  @AfterEach
  void close() {
    if (examinations != null) {
      examinations.close();
    }
  }

  @Test
  void shouldTakeEachRecordsOwnResultInOrderWhenLaterOnesFinishFirst() {
    examinations =
        new Examinations<>(
            Examinations.pool("test-examine", 2),
            record -> {
              if (record.offset() == 0) {
                await(secondDone); // the first record's examination ends only after the second's
              }
              finished.add(record.offset());
              if (record.offset() == 1) {
                secondDone.countDown();
              }
              return record.key() + "@" + Thread.currentThread().getName();
            });
    var first = record(0, 0, "a");
    var second = record(0, 1, "b");
    examinations.start(List.of(first, second));

    String a = examinations.take(first);
    String b = examinations.take(second);

    assertThat(finished).containsExactly(1L, 0L);
    assertThat(a).startsWith("a@test-examine-");
    assertThat(b).startsWith("b@test-examine-");
    assertThat(examinations.pending()).isZero();
  }

  @Test
  void shouldExamineOnTheTakingThreadWithoutAPool() {
    examinations =
        new Examinations<>(
            Examinations.pool("unused", 0), record -> Thread.currentThread().getName());
    var record = record(0, 0, "a");
    examinations.start(List.of(record));

    assertThat(examinations.take(record)).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void shouldExamineAgainOnTheTakingThreadWhatWasForgotten() {
    examinations =
        new Examinations<>(
            Examinations.pool("test-examine", 1),
            record -> record.key() + "@" + Thread.currentThread().getName());
    var lost = record(0, 0, "lost");
    var kept = record(1, 0, "kept");
    examinations.start(List.of(lost, kept));

    examinations.forget(List.of(new TopicPartition("in", 0)));

    assertThat(examinations.pending()).isEqualTo(1);
    assertThat(examinations.take(lost)).isEqualTo("lost@" + Thread.currentThread().getName());
    assertThat(examinations.take(kept)).startsWith("kept@test-examine-");
  }

  @Test
  void shouldRethrowWhatTheExaminationThrew() {
    examinations =
        new Examinations<>(
            Examinations.pool("test-examine", 1),
            record -> {
              throw new IllegalStateException("no dedup state");
            });
    var record = record(0, 0, "a");
    examinations.start(List.of(record));

    assertThatThrownBy(() -> examinations.take(record))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no dedup state");
  }

  private static ConsumerRecord<String, byte[]> record(int partition, long offset, String key) {
    return new ConsumerRecord<>("in", partition, offset, key, new byte[0]);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the second examination never ran");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
