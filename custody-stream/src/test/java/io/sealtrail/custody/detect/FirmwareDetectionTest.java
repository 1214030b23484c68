package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FIRMWARE_ROLLBACK, MISSING_DUAL_APPROVAL and flashing in service, beside legitimate flashes. */
class FirmwareDetectionTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant RELEASES = ASSEMBLY.minus(Duration.ofDays(30));
  static final Instant FIRST_FLASH = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant SECOND_FLASH = FIRST_FLASH.plus(Duration.ofHours(1));
  static final Instant COMMISSIONING = ASSEMBLY.plus(Duration.ofDays(3));
  static final Instant FIELD_UPDATE = COMMISSIONING.plus(Duration.ofDays(30));

  private final CustodyDriver custody = new CustodyDriver();

  @BeforeEach
  void releaseEveryVersionFlashed() {
    for (String version : new String[] {"1.3.0", "1.3.9", "1.4.0", "1.5.0", "1.9.3", "1.10.0"}) {
      custody.send(released(version, RELEASES));
    }
  }

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldRaiseRollbackWhenFlashInstallsLowerVersion() {
    custody.send(assembled(DEVICE, ASSEMBLY), flashed(DEVICE, "1.4.0", FIRST_FLASH));

    custody.send(flashed(DEVICE, "1.3.9", SECOND_FLASH));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.FIRMWARE_ROLLBACK))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("previousVersion", "1.4.0"));
  }

  @Test
  void shouldStaySilentWhenFlashUpgradesAcrossNumericParts() {
    custody.send(assembled(DEVICE, ASSEMBLY), flashed(DEVICE, "1.9.3", FIRST_FLASH));

    custody.send(flashed(DEVICE, "1.10.0", SECOND_FLASH));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.state(DEVICE).getFirmware().getVersion()).isEqualTo("1.10.0");
  }

  @Test
  void shouldStaySilentWhenOlderFlashIsReportedLate() {
    custody.send(assembled(DEVICE, ASSEMBLY), flashed(DEVICE, "1.4.0", SECOND_FLASH));

    custody.send(flashed(DEVICE, "1.3.0", FIRST_FLASH));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.state(DEVICE).getFirmware().getVersion()).isEqualTo("1.4.0");
  }

  @Test
  void shouldRaiseMissingDualApprovalWhenFlashHasNoCoSignature() {
    custody.send(assembled(DEVICE, ASSEMBLY));

    custody.send(flashed(DEVICE, "1.4.0", FIRST_FLASH).withoutCoSigners());

    assertThat(custody.violationTypes()).containsExactly(AlertType.MISSING_DUAL_APPROVAL);
  }

  @Test
  void shouldRaiseMissingDualApprovalWhenApproverIsStationsOwnPartner() {
    custody.send(assembled(DEVICE, ASSEMBLY));

    custody.send(
        flashed(DEVICE, "1.4.0", FIRST_FLASH)
            .withoutCoSigners()
            .coSignedBy(STATION, APPROVER_ROLE));

    assertThat(custody.violationTypes()).containsExactly(AlertType.MISSING_DUAL_APPROVAL);
  }

  @Test
  void shouldStaySilentWhenApproverOfAnotherPartnerCoSigns() {
    custody.send(assembled(DEVICE, ASSEMBLY));

    custody.send(flashed(DEVICE, "1.4.0", FIRST_FLASH));

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseInvalidTransitionWhenDeviceInServiceIsFlashedWithoutApprover() {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        flashed(DEVICE, "1.4.0", FIRST_FLASH),
        commissioned(DEVICE, COMMISSIONING));

    custody.send(flashed(DEVICE, "1.5.0", FIELD_UPDATE).at(CUSTOMER_SITE).withoutCoSigners());

    custody.afterGrace();

    assertThat(custody.violationTypes())
        .containsExactlyInAnyOrder(AlertType.INVALID_TRANSITION, AlertType.MISSING_DUAL_APPROVAL);
  }

  @Test
  void shouldStaySilentWhenDeviceInServiceIsUpdatedWithApproval() {
    custody.send(
        assembled(DEVICE, ASSEMBLY),
        flashed(DEVICE, "1.4.0", FIRST_FLASH),
        commissioned(DEVICE, COMMISSIONING));

    custody.send(flashed(DEVICE, "1.5.0", FIELD_UPDATE).at(CUSTOMER_SITE));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldCiteTheFlashRolledBackFromWhenFlashInstallsLowerVersion() {
    EventFixture first = flashed(DEVICE, "1.4.0", FIRST_FLASH);
    EventFixture second = flashed(DEVICE, "1.3.9", SECOND_FLASH);
    custody.send(assembled(DEVICE, ASSEMBLY), first);

    custody.send(second);

    custody.afterGrace();

    assertThat(custody.evidenceIds()).containsExactly(List.of(second.eventId(), first.eventId()));
  }
}
