package io.sealtrail.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final RetryPolicy POLICY =
      new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(2));
  private final RandomGenerator random = new SplittableRandom(42);

  @Test
  void shouldDoubleTheStepAndDrawFromItsUpperHalfWhenAttemptsFail() {
    for (int failed = 1; failed <= 5; failed++) {
      long step = 100L << (failed - 1);

      Duration wait = POLICY.delay(failed, null, random);

      assertThat(wait.toMillis()).isBetween(step / 2, step);
    }
  }

  @Test
  void shouldNeverWaitLongerThanMaxDelayWhenManyAttemptsFailed() {
    assertThat(POLICY.delay(40, null, random))
        .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void shouldWaitAtLeastRetryAfterWhenTheServerAsks() {
    assertThat(POLICY.delay(1, Duration.ofSeconds(7), random)).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void shouldRefuseZeroAttempts() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
