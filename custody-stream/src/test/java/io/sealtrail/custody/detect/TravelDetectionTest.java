package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CLONE_SUSPECTED for a serial at two sites faster than it can travel between them. */
class TravelDetectionTest {
  static final Duration FACTORY_TO_WAREHOUSE = Duration.ofDays(2);
  static final DetectionRules RULES =
      new DetectionRules(
          DetectionRules.DEFAULT_GRACE,
          DetectionRules.DEFAULT_MIN_TRANSIT,
          Map.of(SitePair.of(FACTORY, WAREHOUSE), FACTORY_TO_WAREHOUSE));

  static final Instant ASSEMBLY = Instant.parse("2026-03-02T07:00:00Z");
  static final Instant PACKING = ASSEMBLY.plus(Duration.ofHours(1));
  static final Instant DEPARTURE = PACKING.plus(Duration.ofHours(1));
  static final Instant TOO_SOON = DEPARTURE.plus(Duration.ofDays(1));
  static final Instant IN_TIME = DEPARTURE.plus(Duration.ofDays(3));

  private final CustodyDriver custody = new CustodyDriver(RULES);

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldRaiseCloneSuspectedWhenCrateArrivesFasterThanConfiguredTransit() {
    custody.send(
        assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE), shipped(CRATE, DEPARTURE));

    custody.send(received(CRATE, TOO_SOON));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.CLONE_SUSPECTED))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("previousSite", FACTORY))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("minTransit", "PT48H"));
  }

  @Test
  void shouldStaySilentWhenCrateArrivesAfterConfiguredTransit() {
    custody.send(
        assembled(DEVICE, ASSEMBLY), packed(CRATE, PACKING, DEVICE), shipped(CRATE, DEPARTURE));

    custody.send(received(CRATE, IN_TIME));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseCloneSuspectedWhenDeviceIsScannedAtTwoSitesWithinDefaultTransit() {
    custody.send(assembled(DEVICE, PACKING));

    custody.send(scanned(DEVICE, PACKING.plus(Duration.ofMinutes(20))).at(CUSTOMER_SITE));

    custody.afterGrace();

    assertThat(custody.violationTypes()).containsExactly(AlertType.CLONE_SUSPECTED);
  }

  @Test
  void shouldStaySilentWhenDeviceIsScannedTwiceAtOneSite() {
    custody.send(assembled(DEVICE, PACKING));

    custody.send(scanned(DEVICE, PACKING.plus(Duration.ofMinutes(20))).at(FACTORY));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseCloneSuspectedWhenLateSightingIsTooSoonAfterTheOneBeforeItInTime() {
    EventFixture assembly = assembled(DEVICE, ASSEMBLY);
    custody.send(assembly, scanned(DEVICE, IN_TIME).at(WAREHOUSE));
    EventFixture lateSighting = scanned(DEVICE, ASSEMBLY.plus(Duration.ofMinutes(10)));

    custody.send(lateSighting.at(WAREHOUSE));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.CLONE_SUSPECTED))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("previousSite", FACTORY))
        .satisfies(
            v ->
                assertThat(v.getEvidence())
                    .extracting(Evidence::getEventId)
                    .containsExactly(lateSighting.eventId(), assembly.eventId()));
  }

  @Test
  void shouldStaySilentWhenLateSightingFitsBetweenItsNeighboursInTime() {
    custody.send(assembled(DEVICE, ASSEMBLY), scanned(DEVICE, IN_TIME).at(WAREHOUSE));

    custody.send(scanned(DEVICE, ASSEMBLY.plus(Duration.ofMinutes(10))));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldStaySilentWhenTwoSitesReceivePartsOfOneLotAtOnce() {
    custody.send(componentReceived(LOT, "CPU-A53", PACKING));

    custody.send(
        componentReceived(LOT, "CPU-A53", PACKING.plus(Duration.ofMinutes(20))).at(WAREHOUSE));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }
}
