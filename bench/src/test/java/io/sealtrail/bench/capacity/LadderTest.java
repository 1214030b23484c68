package io.sealtrail.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderTest {
  private static final List<Integer> RATES = List.of(250, 500, 1_000, 1_500, 2_000);

  /** A step whose alert p99 is {@code p99Ms} with no lag. */
  private static Step step(int rate, double p99Ms) {
    return new Step(rate, rate, p99Ms / 4, p99Ms, 0, List.of(new LagSample(60, 0)));
  }

  @Test
  void shouldStopAfterTheFirstStepNotHeldAndReportTheStepBelowIt() throws Exception {
    List<Integer> run = new ArrayList<>();

    Ladder ladder =
        Ladder.climb(
            RATES,
            rate -> {
              run.add(rate);
              return step(rate, rate >= 1_500 ? 3_000 : 300);
            });

    assertThat(run).containsExactly(250, 500, 1_000, 1_500);
    assertThat(ladder.capacity()).isEqualTo(1_000);
    assertThat(ladder.stopped()).isTrue();
    assertThat(ladder.summary())
        .isEqualTo(
            "capacity 1,000 events/s; stopped at 1,500 events/s (failed: p99 above 1 s),"
                + " higher steps not run");
  }

  @Test
  void shouldNotClimbOnWhenAHigherStepWouldHoldAgain() throws Exception {
    // Step 500 fails, 1,000 would pass (noise): the climb never gets there.
    Ladder ladder = Ladder.climb(RATES, rate -> step(rate, rate == 500 ? 1_200 : 200));

    assertThat(ladder.steps()).hasSize(2);
    assertThat(ladder.capacity()).isEqualTo(250);
  }

  @Test
  void shouldReportZeroWhenTheFirstStepIsNotHeld() throws Exception {
    Ladder ladder = Ladder.climb(RATES, rate -> step(rate, 2_000));

    assertThat(ladder.steps()).hasSize(1);
    assertThat(ladder.capacity()).isZero();
    assertThat(ladder.stopped()).isTrue();
  }

  @Test
  void shouldSayTheCapacityIsAtLeastTheTopWhenEveryStepHeld() throws Exception {
    Ladder ladder = Ladder.climb(RATES, rate -> step(rate, 100));

    assertThat(ladder.steps()).hasSize(RATES.size());
    assertThat(ladder.capacity()).isEqualTo(2_000);
    assertThat(ladder.stopped()).isFalse();
    assertThat(ladder.summary()).contains("every step held, up to 2,000 events/s");
  }

  @Test
  void shouldStopWhenTheLagGrowsThoughP99Holds() throws Exception {
    Ladder ladder =
        Ladder.climb(
            RATES,
            rate ->
                rate == 1_000
                    ? new Step(
                        rate,
                        900,
                        100,
                        800,
                        0,
                        List.of(
                            new LagSample(30, 3_000),
                            new LagSample(45, 6_000),
                            new LagSample(60, 9_000)))
                    : step(rate, 300));

    assertThat(ladder.capacity()).isEqualTo(500);
    assertThat(ladder.steps().get(2).verdict()).isEqualTo("failed: lag growing");
  }

  @Test
  void shouldTabulateEveryStepRun() throws Exception {
    Ladder ladder = Ladder.climb(RATES, rate -> step(rate, rate >= 1_000 ? 1_500 : 120));

    assertThat(ladder.table())
        .startsWith("| offered events/s | accepted events/s | p50 | p99 |")
        .contains("| 250 | 250 | 30.0 ms | 120 ms | 0 | 0 | held |")
        .contains("| 1,000 | 1,000 | 375 ms | 1,500 ms | 0 | 0 | failed: p99 above 1 s |");
  }
}
