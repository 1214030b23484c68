package io.sealtrail.custody.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.detect.Settles;
import io.sealtrail.custody.hold.HoldStore;
import io.sealtrail.custody.layout.LayoutStore;
import io.sealtrail.custody.policy.PolicyStore;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a custody task that has processed no record yet publishes as its watermark. Only a task of
 * its own shows it: in a TopologyTestDriver every subtopology shares one task, whose stream time
 * the lineage markers (timestamp 0) move to 0 before any event, so there is never a task with no
 * stream time once it has published anything.
 */
class FreshTaskWatermarkTest {
  private static final long START = 1_780_000_000_000L;

  private final MockProcessorContext<String, StepOutput> context = new MockProcessorContext<>();
  private final AtomicLong lag = new AtomicLong();

  @BeforeEach
  void start() {
    for (String name :
        List.of(
            CustodyStores.STATE,
            CustodyStores.HISTORY,
            CustodyStores.HELD_VIOLATIONS,
            CustodyStores.IN_TIME_JUDGEMENTS,
            CustodyStores.RELEASES,
            PolicyStore.NAME,
            LayoutStore.NAME,
            HoldStore.NAME)) {
      // Nothing is read from them but misses: byte values serve every one.
      StateStore store =
          Stores.keyValueStoreBuilder(
                  Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.ByteArray())
              .withLoggingDisabled()
              .build();
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    context.setCurrentSystemTimeMs(START);
    context.setCurrentStreamTimeMs(-1);
    new CustodyProcessor(
            DetectionRules.defaults(),
            Settles.defaults(),
            bytes -> null,
            new InputPartition("custody.events", (topic, p) -> OptionalLong.of(lag.get())))
        .init(context);
  }

  /**
   * At a fresh start a task said CAUGHT_UP while its partition was empty. Once records wait in its
   * input it must say it has processed nothing until it processes one: with its CAUGHT_UP standing,
   * the lot tasks decided the first devices of the first lot before that lot's receipt, still in
   * its input, reached them (the 3,000-device demo's false UNVERIFIED_COMPONENT).
   */
  @Test
  void shouldSayNothingProcessedWhenRecordsArriveAfterItSaidCaughtUpOnAnEmptyPartition() {
    wallClockCheck(1);
    assertThat(lastWatermark()).isEqualTo(Watermarks.CAUGHT_UP);

    lag.set(3);
    wallClockCheck(2);
    assertThat(lastWatermark()).isEqualTo(Watermarks.NOTHING_PROCESSED);
  }

  @Test
  void shouldSayNothingProcessedWhenItsFirstCheckFindsRecordsWaiting() {
    lag.set(3);
    wallClockCheck(1);
    assertThat(lastWatermark()).isEqualTo(Watermarks.NOTHING_PROCESSED);
  }

  private void wallClockCheck(int n) {
    long at = START + n * CustodyProcessor.QUIET.toMillis();
    context.setCurrentSystemTimeMs(at);
    context.scheduledPunctuators().stream()
        .filter(p -> p.getType() == PunctuationType.WALL_CLOCK_TIME)
        .forEach(p -> p.getPunctuator().punctuate(at));
  }

  private Long lastWatermark() {
    return context.forwarded().stream()
        .flatMap(f -> f.record().value().watermarks().stream())
        .filter(w -> w.key.equals(Watermarks.keyOf(context.taskId().partition())))
        .map(w -> w.value)
        .filter(Objects::nonNull)
        .reduce((first, second) -> second)
        .orElse(null);
  }
}
