package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.fixtures.TestDevice;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CLONE_SUSPECTED for one device key on two serials, re-keyed by keyid through a repartition. */
class SharedDeviceKeyTest {
  static final Instant ASSEMBLY = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant FIRST_PROVISIONING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant SECOND_PROVISIONING = ASSEMBLY.plus(Duration.ofHours(2));

  static final String TWIN = "GWX1-000043";

  private final TestDevice key = TestDevice.withNewKey();
  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldRaiseCloneSuspectedOnSecondSerialWhenKeyIsProvisionedTwice() {
    EventFixture first = keyProvisioned(DEVICE, key, FIRST_PROVISIONING);
    custody.send(assembled(DEVICE, ASSEMBLY), assembled(TWIN, ASSEMBLY), first);

    custody.send(keyProvisioned(TWIN, key, SECOND_PROVISIONING));

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.CLONE_SUSPECTED))
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(TWIN))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("otherSerial", DEVICE))
        .satisfies(
            v ->
                assertThat(v.getEvidence())
                    .extracting(Evidence::getEventId)
                    .endsWith(first.build().getEvent().getEventId()));
  }

  @Test
  void shouldSuspectLaterSerialWhenEarlierProvisioningIsReportedLate() {
    custody.send(assembled(DEVICE, ASSEMBLY), assembled(TWIN, ASSEMBLY));
    custody.send(keyProvisioned(TWIN, key, SECOND_PROVISIONING));

    custody.send(keyProvisioned(DEVICE, key, FIRST_PROVISIONING));

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(TWIN));
  }

  @Test
  void shouldStaySilentWhenSameSerialIsProvisionedAgainWithItsKey() {
    custody.send(assembled(DEVICE, ASSEMBLY), keyProvisioned(DEVICE, key, FIRST_PROVISIONING));

    custody.send(keyProvisioned(DEVICE, key, SECOND_PROVISIONING));

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldStaySilentWhenTwoSerialsGetTheirOwnKeys() {
    custody.send(assembled(DEVICE, ASSEMBLY), assembled(TWIN, ASSEMBLY));

    custody.send(
        keyProvisioned(DEVICE, key, FIRST_PROVISIONING),
        keyProvisioned(TWIN, TestDevice.withNewKey(), SECOND_PROVISIONING));

    assertThat(custody.violations()).isEmpty();
  }
}
