package io.sealtrail.custody.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.custody.detect.DetectionRules;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grace and travel times read from flat configuration keys. */
class DetectionRulesConfigTest {
  @Test
  void shouldReadGraceAndTravelTimesWhenKeysAreSet() {
    DetectionRules rules =
        DetectionRulesConfig.from(
            Map.of(
                "sealtrail.detect.grace", "PT30M",
                "sealtrail.detect.min-transit.default", "PT2H",
                "sealtrail.detect.min-transit", "SZX-F1/RTM-DC=P2D, RTM-DC/MUC-C1=PT12H"));

    assertThat(rules.grace()).isEqualTo(Duration.ofMinutes(30));
    assertThat(rules.minTransit("RTM-DC", "SZX-F1")).isEqualTo(Duration.ofDays(2));
    assertThat(rules.minTransit("MUC-C1", "RTM-DC")).isEqualTo(Duration.ofHours(12));
    assertThat(rules.minTransit("MUC-C1", "SZX-F1")).isEqualTo(Duration.ofHours(2));
    assertThat(rules.minTransit("MUC-C1", "MUC-C1")).isZero();
  }

  @Test
  void shouldRefuseTravelTimeWhenEntryHasNoSitePair() {
    assertThatThrownBy(
            () -> DetectionRulesConfig.from(Map.of("sealtrail.detect.min-transit", "SZX-F1=P2D")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "sealtrail.detect.min-transit entries look like SITE-A/SITE-B=PT6H, got: SZX-F1=P2D");
  }
}
