package io.sealtrail.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How far in the future an event may claim to have happened. */
class ClockSkewTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-21T08:00:00Z");
  private final ClockSkew skew = new ClockSkew(Duration.ofMinutes(5));

  @Test
  void shouldAllowEventWhenItOccurredInThePast() {
    Instant occurred = RECEIVED.minus(Duration.ofDays(3));

    var violation = skew.violation(occurred, RECEIVED);

    assertThat(violation).isEmpty();
  }

  @Test
  void shouldAllowEventWhenItOccursExactlyAtTheBound() {
    Instant occurred = RECEIVED.plus(Duration.ofMinutes(5));

    var violation = skew.violation(occurred, RECEIVED);

    assertThat(violation).isEmpty();
  }

  @Test
  void shouldRefuseEventWhenItOccursBeyondTheBound() {
    Instant occurred = RECEIVED.plus(Duration.ofMinutes(5)).plusMillis(1);

    var violation = skew.violation(occurred, RECEIVED);

    assertThat(violation).hasValueSatisfying(detail -> assertThat(detail).contains("PT5M"));
  }
}
