package io.sealtrail.custody.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The lag of a store partition, asked of the broker at most once per snapshot age. */
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
          clock::get);

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
}
