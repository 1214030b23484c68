package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.fixtures.TestDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ATTESTATION_REPLAY: a nonce a device already used in an earlier attestation, decided in event
 * time so that arrival order within the grace does not change which attestation is flagged.
 */
class AttestationReplayTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant PROVISIONING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant FIRST = ASSEMBLY.plus(Duration.ofHours(2));
  static final Instant SECOND = FIRST.plus(Duration.ofMinutes(3));
  static final Instant AFTER_GRACE = SECOND.plus(DetectionRules.DEFAULT_GRACE).plusSeconds(60);
  static final String NONCE = "5a".repeat(16);
  static final String OTHER_NONCE = "a5".repeat(16);
  static final String OTHER_DEVICE = "GWX1-000043";

  private final TestDevice device = TestDevice.withNewKey();
  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  private EventFixture attest(long counter, String nonce, Instant at) {
    return attestedMeasuring(DEVICE, device, counter, nonce, MEASUREMENT, at);
  }

  private void provisioned() {
    custody.send(assembled(DEVICE, ASSEMBLY), keyProvisioned(DEVICE, device, PROVISIONING));
  }

  @Test
  void shouldRaiseAttestationReplayWhenDeviceReusesANonce() {
    provisioned();

    custody.send(attest(1, NONCE, FIRST), attest(2, NONCE, SECOND), streamTimeAt(AFTER_GRACE));

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.ATTESTATION_REPLAY))
        .satisfies(v -> assertThat(v.getSeverity()).isEqualTo(Severity.HIGH))
        .satisfies(
            v ->
                assertThat(v.getAttributes())
                    .containsEntry("nonce", NONCE)
                    .containsEntry("counter", "2")
                    .containsEntry("firstCounter", "1")
                    .containsEntry("firstEventId", attest(1, NONCE, FIRST).eventId()))
        .satisfies(
            v ->
                assertThat(v.getEvidence())
                    .extracting(e -> e.getEventId())
                    .containsExactly(
                        attest(2, NONCE, SECOND).eventId(), attest(1, NONCE, FIRST).eventId()));
  }

  @Test
  void shouldStaySilentWhenEachAttestationHasItsOwnNonce() {
    provisioned();

    custody.send(attest(1, NONCE, FIRST), attest(2, OTHER_NONCE, SECOND));
    custody.send(streamTimeAt(AFTER_GRACE)).afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldStaySilentWhenAnotherDeviceUsedTheNonce() {
    TestDevice other = TestDevice.withNewKey();
    provisioned();
    custody.send(
        assembled(OTHER_DEVICE, ASSEMBLY), keyProvisioned(OTHER_DEVICE, other, PROVISIONING));

    custody.send(
        attest(1, NONCE, FIRST),
        attestedMeasuring(OTHER_DEVICE, other, 1, NONCE, MEASUREMENT, SECOND));
    custody.send(streamTimeAt(AFTER_GRACE)).afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldFlagTheLaterAttestationInEventTimeWhenItArrivesFirst() {
    provisioned();

    // The second in event time is reported first; both arrive within the grace.
    custody.send(attest(2, NONCE, SECOND), attest(1, NONCE, FIRST), streamTimeAt(AFTER_GRACE));

    List<Violation> replays =
        custody.violations().stream()
            .filter(v -> v.getType() == AlertType.ATTESTATION_REPLAY)
            .toList();
    assertThat(replays)
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.getEvidence().get(0).getEventId())
                    .isEqualTo(attest(2, NONCE, SECOND).eventId()));
  }
}
