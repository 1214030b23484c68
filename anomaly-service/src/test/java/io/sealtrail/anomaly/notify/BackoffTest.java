package io.sealtrail.anomaly.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(7));

  @Test
  void shouldDoubleDelayWithJitterWhenAttemptsFollowEachOther() {
    assertThat(backoff.before(2)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(backoff.before(3)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(backoff.before(5)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
  }

  @Test
  void shouldCapDelayWhenAttemptsAreMany() {
    assertThat(backoff.before(40)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
  }
}
