package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.TestDevice;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ATTESTATION_FAILED, KEY_MISMATCH (the quote is verified) and attestation counters that go
 * backwards (CLONE_SUSPECTED), each beside the legitimate case nearest to it.
 */
class AttestationDetectionTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant PROVISIONING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant FIRST_QUOTE = ASSEMBLY.plus(Duration.ofHours(2));
  static final Instant SECOND_QUOTE = ASSEMBLY.plus(Duration.ofHours(3));
  static final Instant AFTER_GRACE =
      SECOND_QUOTE.plus(DetectionRules.DEFAULT_GRACE).plusSeconds(60);

  private final TestDevice device = TestDevice.withNewKey();
  private final TestDevice clone = TestDevice.withNewKey();
  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  private void provisioned() {
    custody.send(assembled(DEVICE, ASSEMBLY), keyProvisioned(DEVICE, device, PROVISIONING));
  }

  @Test
  void shouldRaiseAttestationFailedWhenDeviceFailsAttestation() {
    provisioned();
    byte[] quote = device.quote(DEVICE, nonce(1), MEASUREMENT, 1);

    custody.send(attestation(DEVICE, 1, quote, AttestationResult.FAIL, FIRST_QUOTE));

    assertThat(custody.violationTypes()).containsExactly(AlertType.ATTESTATION_FAILED);
  }

  @Test
  void shouldStaySilentWhenDevicePassesWithQuoteOfItsOwnKey() {
    provisioned();

    custody.send(attested(DEVICE, device, 1, FIRST_QUOTE));

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseKeyMismatchWhenQuoteIsSignedByAnotherKey() {
    provisioned();

    custody.send(attested(DEVICE, clone, 1, FIRST_QUOTE));

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.KEY_MISMATCH))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("deviceKeyId", device.keyId()));
  }

  @Test
  void shouldRaiseKeyMismatchWhenQuoteCoversAnotherCounter() {
    provisioned();
    byte[] quoteOfCounterOne = device.quote(DEVICE, nonce(1), MEASUREMENT, 1);

    custody.send(attestation(DEVICE, 2, quoteOfCounterOne, AttestationResult.PASS, FIRST_QUOTE));

    assertThat(custody.violationTypes()).containsExactly(AlertType.KEY_MISMATCH);
  }

  @Test
  void shouldStaySilentWhenKeyIsReportedLateWithinGrace() {
    custody.send(assembled(DEVICE, ASSEMBLY), attested(DEVICE, device, 1, FIRST_QUOTE));

    custody.send(keyProvisioned(DEVICE, device, PROVISIONING), streamTimeAt(AFTER_GRACE));

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldRaiseKeyMismatchWhenNoKeyArrivesWithinGrace() {
    custody.send(assembled(DEVICE, ASSEMBLY), attested(DEVICE, device, 1, FIRST_QUOTE));

    custody.send(streamTimeAt(AFTER_GRACE));

    assertThat(custody.violationTypes()).containsExactly(AlertType.KEY_MISMATCH);
    assertThat(custody.heldViolations()).isZero();
  }

  @Test
  void shouldRaiseKeyMismatchWhenLateKeyDoesNotVerifyQuote() {
    custody.send(assembled(DEVICE, ASSEMBLY), attested(DEVICE, clone, 1, FIRST_QUOTE));

    custody.send(keyProvisioned(DEVICE, device, PROVISIONING), streamTimeAt(AFTER_GRACE));

    assertThat(custody.violationTypes()).containsExactly(AlertType.KEY_MISMATCH);
  }

  @Test
  void shouldRaiseCloneSuspectedWhenCounterGoesBackwards() {
    provisioned();
    custody.send(attested(DEVICE, device, 5, FIRST_QUOTE));

    custody.send(attested(DEVICE, device, 3, SECOND_QUOTE));

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.CLONE_SUSPECTED))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("previousCounter", "5"));
  }

  @Test
  void shouldRaiseCloneSuspectedWhenCounterRepeats() {
    provisioned();
    custody.send(attested(DEVICE, device, 5, FIRST_QUOTE));

    custody.send(attested(DEVICE, device, 5, SECOND_QUOTE));

    assertThat(custody.violationTypes()).containsExactly(AlertType.CLONE_SUSPECTED);
  }

  @Test
  void shouldStaySilentWhenCounterAdvances() {
    provisioned();
    custody.send(attested(DEVICE, device, 5, FIRST_QUOTE));

    custody.send(attested(DEVICE, device, 6, SECOND_QUOTE));

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.state(DEVICE).getAttestationCounter()).isEqualTo(6L);
  }

  @Test
  void shouldStaySilentWhenOlderQuoteWithLowerCounterIsReportedLate() {
    provisioned();
    custody.send(attested(DEVICE, device, 6, SECOND_QUOTE));

    custody.send(attested(DEVICE, device, 5, FIRST_QUOTE));

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.state(DEVICE).getAttestationCounter()).isEqualTo(6L);
  }
}
