package io.sealtrail.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrendTest {
  /** 30 minutes sampled every 10 s, the live heap in MiB as a function of the minute. */
  private static List<Sample> heap(DoubleUnaryOperator mibAtMinute) {
    return IntStream.rangeClosed(0, 180)
        .mapToObj(
            i ->
                new Sample(
                    i * 10.0, 300, mibAtMinute.applyAsDouble(i / 6.0), 500, 100, 0, i, i * 400L))
        .toList();
  }

  @Test
  void shouldCallASeriesFlatWhenItOnlyWobblesAroundOneLevel() {
    Trend trend = Trend.of(Sample.Series.LIVE_HEAP, heap(m -> 150 + 10 * Math.sin(m)));

    assertThat(trend.flat()).isTrue();
    assertThat(Math.abs(trend.slopePerTenMinutes())).isLessThan(8);
  }

  @Test
  void shouldCallASeriesNotFlatWhenItGrowsSteadily() {
    // 2 MiB a minute: 20 MiB per 10 minutes, above both 8 MiB and 5 % of ~180 MiB.
    Trend trend = Trend.of(Sample.Series.LIVE_HEAP, heap(m -> 150 + 2 * m));

    assertThat(trend.flat()).isFalse();
    assertThat(trend.slopePerTenMinutes()).isBetween(19.9, 20.1);
    assertThat(trend.row())
        .contains("| live heap (after full GC) (MiB) | 150 | 210 | 210 | +20.0 | NOT flat |");
  }

  @Test
  void shouldLeaveTheWarmUpOutOfTheFitWhenTheSeriesLevelsOffAfterIt() {
    // Climbs for the first 5 minutes (within the first 20 %), level afterwards.
    Trend trend = Trend.of(Sample.Series.LIVE_HEAP, heap(m -> 100 + 20 * Math.min(m, 5)));

    assertThat(trend.flat()).isTrue();
    assertThat(trend.start()).isEqualTo(100);
    assertThat(trend.max()).isEqualTo(200);
  }

  @Test
  void shouldJudgeOnlyTheSamplesWhereTheFigureWasReadWhenSomeAreMissing() {
    List<Sample> samples =
        heap(m -> m < 1 ? -1 : 150); // no full GC asked for in the first minute (-1)

    Trend trend = Trend.of(Sample.Series.LIVE_HEAP, samples);

    assertThat(trend.start()).isEqualTo(150);
    assertThat(trend.flat()).isTrue();
  }

  @Test
  void shouldNotCallASeriesAFailureWhenItFallsLikeABacklogDraining() {
    // A lag of 16,000 records drained at 500 a minute after the warm-up: falling, not growing.
    Trend draining = Trend.of(Sample.Series.LIVE_HEAP, heap(m -> Math.max(0, 16_000 - 500 * m)));
    Trend growing = Trend.of(Sample.Series.LIVE_HEAP, heap(m -> 500 * m));

    assertThat(draining.slopePerTenMinutes()).isNegative();
    assertThat(draining.flat()).isTrue();
    assertThat(growing.flat()).isFalse();
  }
}
