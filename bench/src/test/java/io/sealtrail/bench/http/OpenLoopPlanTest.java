package io.sealtrail.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenLoopPlanTest {
  @Test
  void shouldOfferHalfTheBatchedRateInRequestsWhenGivenEventsPerSecond() {
    // 3,624 events/s in requests of 100 is 36.24 requests/s; half is 18.12, for 20 s.
    OpenLoopPlan plan = OpenLoopPlan.halfOf(3_624, 100, Duration.ofSeconds(20));

    assertThat(plan.requestsPerSecond()).isCloseTo(18.12, within(1e-9));
    assertThat(plan.requests()).isEqualTo(362);
    assertThat(plan.eventsPerSecond(100)).isCloseTo(1_812, within(1e-9));
  }

  @Test
  void shouldStillOfferAFewRequestsWhenTheRateIsLow() {
    OpenLoopPlan plan = OpenLoopPlan.halfOf(100, 100, Duration.ofSeconds(5));

    assertThat(plan.requestsPerSecond()).isEqualTo(0.5);
    assertThat(plan.requests()).isEqualTo(OpenLoopPlan.MIN_REQUESTS);
  }

  @Test
  void shouldRefuseToPlanWhenThereIsNoRateToHalve() {
    assertThatThrownBy(() -> OpenLoopPlan.halfOf(0, 100, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OpenLoopPlan.halfOf(Double.NaN, 100, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
