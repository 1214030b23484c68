package io.sealtrail.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DemoSummaryTest {
  @Test
  void shouldReadEveryFigureWhenTheLineIsAsTheDemoPrintsIt() {
    DemoSummary sent =
        DemoSummary.parse("Sent 1,051 events in 5.1 s: 208 events/s (signed beforehand in 4.2 s)");

    assertThat(sent).isEqualTo(new DemoSummary(1_051, 5.1, 208, 4.2));
  }

  @Test
  void shouldReportThePrintedRateWhenEventsOverRoundedSecondsDiffers() {
    // 20,512 ÷ 6.8 = 3,016; the demo divided by the unrounded time and printed 3,021.
    DemoSummary sent =
        DemoSummary.parse(
            "Sent 20,512 events in 6.8 s: 3,021 events/s (signed beforehand in 2.0 s)");

    assertThat(sent.eventsPerSecond()).isEqualTo(3_021);
    assertThat(sent.signingPerSecond()).isCloseTo(10_256, within(0.001));
  }

  @Test
  void shouldReadTheFiguresWhenTheDemoPrintedThemInAnotherLocale() {
    assertThat(
            DemoSummary.parse(
                "Sent 20.512 events in 6,8 s: 3.021 events/s (signed beforehand in 2,0 s)"))
        .isEqualTo(new DemoSummary(20_512, 6.8, 3_021, 2.0));
    assertThat(
            DemoSummary.parse(
                "Sent 20\u202f512 events in 6,8 s: 3\u202f021 events/s (signed beforehand in 2,0 s)"))
        .isEqualTo(new DemoSummary(20_512, 6.8, 3_021, 2.0));
  }

  @Test
  void shouldNameTheLineWhenItIsNotTheSendRateLine() {
    assertThatThrownBy(() -> DemoSummary.parse("Sent 1,051 events"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Sent 1,051 events");
    assertThatThrownBy(() -> DemoSummary.parse(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("printed none");
  }

  @Test
  void shouldRefuseASigningRateWhenNoSigningTimeWasPrinted() {
    DemoSummary sent =
        DemoSummary.parse("Sent 12 events in 0.1 s: 120 events/s (signed beforehand in 0.0 s)");

    assertThatThrownBy(sent::signingPerSecond).isInstanceOf(IllegalStateException.class);
  }
}
