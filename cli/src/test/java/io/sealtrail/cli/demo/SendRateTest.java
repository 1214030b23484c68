package io.sealtrail.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendRateTest {
  @Test
  void shouldDivideTheEventsByTheSendingTimeWhenEventsWereSent() {
    var rate = new SendRate(20_000, Duration.ofMillis(6_400), Duration.ofSeconds(3));

    assertThat(rate.perSecond()).isCloseTo(3_125.0, within(0.01));
  }

  @Test
  void shouldReportNoRateWhenNothingWasSent() {
    assertThat(SendRate.NONE.perSecond()).isZero();
  }
}
