package io.sealtrail.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StepTest {
  /** A 60 s step at 1,000 events/s, the lag sampled every 3 s from 3 s to 60 s. */
  private static Step step(double p99Ms, IntToLongFunction lagAtSecond) {
    List<LagSample> lag =
        IntStream.rangeClosed(1, 20)
            .mapToObj(i -> new LagSample(i * 3.0, lagAtSecond.applyAsLong(i * 3)))
            .toList();
    return new Step(1_000, 998, p99Ms / 3, p99Ms, 0, lag);
  }

  @Test
  void shouldHoldAStepWhenP99IsUnderOneSecondAndTheLagStaysSmall() {
    Step step = step(400, s -> 300 + (s % 2) * 500);

    assertThat(step.lagBounded()).isTrue();
    assertThat(step.held()).isTrue();
    assertThat(step.verdict()).isEqualTo("held");
    assertThat(step.endLag()).isEqualTo(300);
  }

  @Test
  void shouldHoldAStepAtExactlyOneSecondP99() {
    assertThat(step(1_000, s -> 0).held()).isTrue();
  }

  @Test
  void shouldFailAStepWhenP99IsAboveOneSecondEvenWithNoLag() {
    Step step = step(1_001, s -> 0);

    assertThat(step.held()).isFalse();
    assertThat(step.verdict()).isEqualTo("failed: p99 above 1 s");
  }

  @Test
  void shouldFailAStepWhenTheLagGrowsAcrossIt() {
    // Falling behind by 200 events/s of 1,000 offered: 12,000 records behind at the end.
    Step step = step(500, s -> 200L * s);

    assertThat(step.lagBounded()).isFalse();
    assertThat(step.held()).isFalse();
    assertThat(step.verdict()).isEqualTo("failed: lag growing");
  }

  @Test
  void shouldNameBothReasonsWhenBothFail() {
    assertThat(step(5_000, s -> 200L * s).verdict())
        .isEqualTo("failed: p99 above 1 s, lag growing");
  }

  @Test
  void shouldCallALargeButSteadyLagBoundedWhenItDoesNotGrowInTheSecondHalf() {
    // A backlog of 8,000 built early in the step and held level: above the 2 s floor, flat.
    Step step = step(900, s -> s < 20 ? 400L * s : 8_000 + (s % 2) * 100);

    assertThat(step.endLag()).isGreaterThan((long) (Step.LAG_FLOOR_SECONDS * 1_000));
    assertThat(step.lagBounded()).isTrue();
  }

  @Test
  void shouldCallALagDrainingDuringTheStepBounded() {
    // A backlog from before the step, worked off at 300 records/s: 12,000 left at the end.
    Step step = step(900, s -> 30_000 - 300L * s);

    assertThat(step.endLag()).isEqualTo(12_000);
    assertThat(step.lagBounded()).isTrue();
  }

  @Test
  void shouldNotHoldAStepWhoseLagCouldNotBeRead() {
    Step step = new Step(1_000, 1_000, 50, 100, 0, List.of(new LagSample(60, -1)));

    assertThat(step.lagBounded()).isFalse();
    assertThat(step.endLag()).isEqualTo(-1);
    assertThat(step.verdict()).isEqualTo("failed: lag unknown");
  }

  @Test
  void shouldJudgeTheLagOnlyFromTheSamplesThatWereRead() {
    Step step =
        new Step(
            1_000,
            1_000,
            50,
            100,
            0,
            List.of(new LagSample(10, 100), new LagSample(30, -1), new LagSample(60, 200)));

    assertThat(step.endLag()).isEqualTo(200);
    assertThat(step.held()).isTrue();
  }

  @Test
  void shouldFitTheSlopeOfTheLagInRecordsPerSecond() {
    List<LagSample> samples =
        List.of(new LagSample(0, 100), new LagSample(10, 600), new LagSample(20, 1_100));

    assertThat(Step.slope(samples)).isEqualTo(50.0);
  }
}
