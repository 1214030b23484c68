package io.sealtrail.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lag of a store partition, asked of the broker at most once per snapshot age, and never waited
 * for longer than the bound.
 */
class StoreLagsTest {
  static final String STORE = "custody-state-store";
  static final long CAUGHT_UP = 0;
  static final long LAGGING = 60;

  private final AtomicLong clock = new AtomicLong();
  private final AtomicInteger questions = new AtomicInteger();
  private volatile Map<String, Map<Integer, Long>> broker = Map.of(STORE, Map.of(0, CAUGHT_UP));
  private final StoreLags lags =
      new StoreLags(
          () -> {
            questions.incrementAndGet();
            return broker;
          },
          clock::get,
          StoreLags.ASK_AT_MOST,
          Runnable::run);

  @Test
  void shouldAskTheBrokerOnceWhenManyKeysOfACaughtUpPartitionAreRead() {
    for (int key = 0; key < 1_000; key++) {
      lags.requireCaughtUp(STORE, 0);
    }

    assertThat(questions).hasValue(1);
  }

  @Test
  void shouldAnswer503WhenThePartitionLagsItsChangelog() {
    broker = Map.of(STORE, Map.of(0, LAGGING));

    assertThatThrownBy(() -> lags.requireCaughtUp(STORE, 0))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessage(STORE + " partition 0 is catching up");
  }

  @Test
  void shouldAnswer503WhenThePartitionIsNotHereYet() {
    assertThatThrownBy(() -> lags.requireCaughtUp(STORE, 1))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessage(STORE + " partition 1 is catching up");
  }

  @Test
  void shouldAnswer503WhenThePartitionStartsLaggingAfterTheSnapshotAged() {
    lags.requireCaughtUp(STORE, 0);
    broker = Map.of(STORE, Map.of(0, LAGGING));

    clock.addAndGet(StoreLags.MAX_AGE.toNanos());

    assertThatThrownBy(() -> lags.requireCaughtUp(STORE, 0))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(questions).hasValue(2);
  }

  @Test
  void shouldAskAgainBeforeRefusingWhenTheSnapshotSaidThePartitionLagged() {
    broker = Map.of(STORE, Map.of(0, LAGGING));
    assertThatThrownBy(() -> lags.requireCaughtUp(STORE, 0))
        .isInstanceOf(StoreUnavailableException.class);

    broker = Map.of(STORE, Map.of(0, CAUGHT_UP));
    lags.requireCaughtUp(STORE, 0);

    assertThat(questions).hasValue(2);
  }

  // A broker that does not answer (the partition leader stopped while asked): Kafka Streams'
  // allLocalStorePartitionLags() then blocks up to the admin client's 60 s.
  private final CountDownLatch brokerSilent = new CountDownLatch(1);
  private final ExecutorService asker = Executors.newSingleThreadExecutor();
  private static final Duration BOUND = Duration.ofMillis(300);
  private final StoreLags silentBroker =
      new StoreLags(
          () -> {
            questions.incrementAndGet();
            try {
              brokerSilent.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return broker;
          },
          System::nanoTime,
          BOUND,
          asker);

  @AfterEach
  void releaseTheBroker() {
    brokerSilent.countDown();
    asker.shutdownNow();
  }

  @Test
  void shouldAnswer503WithinTheBoundWhenTheBrokerDoesNotAnswer() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThatThrownBy(() -> silentBroker.requireCaughtUp(STORE, 0))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("did not say within 300 ms"));
  }

  @Test
  void shouldNotWaitAgainNorAskAgainWhileTheQuestionIsStillOut() {
    assertThatThrownBy(() -> silentBroker.requireCaughtUp(STORE, 0))
        .isInstanceOf(StoreUnavailableException.class);

    // The bound counts from the question, not from each read: a trace reading many keys of a
    // partition is refused at once, not after one bound per key.
    long start = System.nanoTime();
    for (int key = 0; key < 100; key++) {
      assertThatThrownBy(() -> silentBroker.requireCaughtUp(STORE, 0))
          .isInstanceOf(StoreUnavailableException.class);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    assertThat(questions).hasValue(1);
  }

  @Test
  void shouldAnswerFromTheLateQuestionOnceTheBrokerAnswers() throws Exception {
    assertThatThrownBy(() -> silentBroker.requireCaughtUp(STORE, 0))
        .isInstanceOf(StoreUnavailableException.class);

    brokerSilent.countDown();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!caughtUp(silentBroker) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThatCode(() -> silentBroker.requireCaughtUp(STORE, 0)).doesNotThrowAnyException();
  }

  private static boolean caughtUp(StoreLags lags) {
    try {
      lags.requireCaughtUp(STORE, 0);
      return true;
    } catch (StoreUnavailableException e) {
      return false;
    }
  }

  @Test
  void shouldAnswer503NotAnErrorWhenTheBrokerQuestionFails() {
    StoreLags failing =
        new StoreLags(
            () -> {
              throw new StreamsException("Unable to obtain end offsets from kafka");
            },
            clock::get,
            StoreLags.ASK_AT_MOST,
            Runnable::run);

    assertThatThrownBy(() -> failing.requireCaughtUp(STORE, 0))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("Unable to obtain end offsets");
  }
}
