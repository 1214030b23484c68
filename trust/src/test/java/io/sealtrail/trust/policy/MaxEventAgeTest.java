package io.sealtrail.trust.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.avro.common.EventType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The backdating bound of the policy: per event type, 30 days by default (TOO_OLD). */
class MaxEventAgeTest {
  private static final Instant RECEIVED = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void shouldBoundEveryTypeByThirtyDaysInTheDefaultPolicy() {
    MaxEventAge bound = Policy.defaults().maxEventAge();

    for (EventType type : EventType.values()) {
      assertThat(bound.of(type)).as("%s", type).isEqualTo(Duration.ofDays(30));
    }
  }

  @Test
  void shouldRefuseAnEventOlderThanItsTypesBound() {
    MaxEventAge bound = Policy.defaults().maxEventAge();

    assertThat(
            bound.violation(
                EventType.SCANNED, RECEIVED.minus(Duration.ofDays(30)).minusMillis(1), RECEIVED))
        .hasValueSatisfying(
            detail -> assertThat(detail).contains("PT720H", "SCANNED", "2026-11-07T10:00:00Z"));
  }

  @Test
  void shouldAcceptAnEventExactlyAtItsTypesBound() {
    MaxEventAge bound = Policy.defaults().maxEventAge();

    assertThat(bound.violation(EventType.SCANNED, RECEIVED.minus(Duration.ofDays(30)), RECEIVED))
        .isEmpty();
  }

  @Test
  void shouldApplyATypesOwnBoundBeforeTheDefault() throws IOException {
    Policy policy =
        read(
            "{\"maxEventAge\":{\"default\":\"P30D\","
                + "\"byType\":{\"FIRMWARE_RELEASED\":\"P365D\",\"ATTESTED\":\"PT1H\"}}}");
    Instant fortyDaysAgo = RECEIVED.minus(Duration.ofDays(40));

    assertThat(policy.maxEventAge().violation(EventType.FIRMWARE_RELEASED, fortyDaysAgo, RECEIVED))
        .isEmpty();
    assertThat(policy.maxEventAge().violation(EventType.SCANNED, fortyDaysAgo, RECEIVED))
        .isPresent();
    assertThat(
            policy
                .maxEventAge()
                .violation(EventType.ATTESTED, RECEIVED.minus(Duration.ofHours(2)), RECEIVED))
        .isPresent();
  }

  @Test
  void shouldKeepPerTypeBoundsWhenTheDeploymentSetsTheDefault() throws IOException {
    Policy policy =
        read("{\"maxEventAge\":{\"byType\":{\"FIRMWARE_RELEASED\":\"P365D\"}}}")
            .withDefaultMaxEventAge(Duration.ofDays(7));

    assertThat(policy.maxEventAge().of(EventType.SCANNED)).isEqualTo(Duration.ofDays(7));
    assertThat(policy.maxEventAge().of(EventType.FIRMWARE_RELEASED))
        .isEqualTo(Duration.ofDays(365));
  }

  @Test
  void shouldDefaultToThirtyDaysWhenAPolicyNamesNoBound() throws IOException {
    assertThat(read("{}").maxEventAge().of(EventType.SHIPPED)).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void shouldRefuseABoundThatIsNotAPositiveDuration() {
    assertThatThrownBy(() -> read("{\"maxEventAge\":{\"default\":\"thirty days\"}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEventAge/default");
    assertThatThrownBy(() -> read("{\"maxEventAge\":{\"byType\":{\"SHIPPED\":\"-P1D\"}}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SHIPPED");
    assertThatThrownBy(() -> new MaxEventAge(Duration.ZERO, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Policy read(String json) throws IOException {
    return PolicyJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
