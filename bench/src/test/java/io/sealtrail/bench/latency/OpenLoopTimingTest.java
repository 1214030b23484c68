package io.sealtrail.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class OpenLoopTimingTest {
  @Test
  void shouldScheduleAFractionalRateWithoutRoundingItToWholeRequests() {
    List<Integer> sent = new ArrayList<>();

    // 2,500.5 a second: a period of 399,920 ns (rounded to 399,920 or 399,921 ns a step).
    long[] intended = ConstantRate.offer(5, 2_500.5, sent::add);

    assertThat(sent).containsExactly(0, 1, 2, 3, 4);
    for (int i = 1; i < intended.length; i++) {
      assertThat(intended[i] - intended[0]).isEqualTo(Math.round(i * (1e9 / 2_500.5)));
    }
  }

  @Test
  void shouldMeasureFromTheIntendedStartWhenTheSendWasLate() {
    // The second request was due at 1 ms but stalled behind the first until 50 ms: its latency is
    // 51 ms − 1 ms = 50 ms, not the 1 ms between its late send and its answer.
    long ms = 1_000_000;
    Histogram micros =
        Latencies.fromIntended(
            new long[] {0, 1 * ms, 2 * ms}, new long[] {50 * ms, 51 * ms, 3 * ms});

    assertThat(micros.getTotalCount()).isEqualTo(3);
    assertThat(micros.getMaxValue()).isBetween(49_950L, 50_050L);
    assertThat(micros.getMinValue()).isBetween(999L, 1_001L);
  }
}
