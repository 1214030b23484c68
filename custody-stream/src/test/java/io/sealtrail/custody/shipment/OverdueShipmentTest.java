package io.sealtrail.custody.shipment;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.detect.Settles;
import io.sealtrail.custody.detect.SitePair;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.process.CustodyProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SHIPMENT_OVERDUE: a shipment not received within its lane's maximum transit time, raised by time
 * alone (the wall clock, no further traffic), in event time during a replay (not before {@link
 * Settles#DEFAULT_SHIPMENT} after the shipping was seen; and, after a replay stopped, once event
 * time run on with the wall clock passes the deadline), once, on the container shipped and not on
 * what it holds; silent for a receipt by the deadline, also one reported late within the grace or
 * before its shipping.
 */
class OverdueShipmentTest {
  static final Duration GRACE = Duration.ofMinutes(10);
  static final Duration QUIET = CustodyProcessor.QUIET;
  static final Duration LANE = Duration.ofDays(2);
  static final DetectionRules RULES =
      new DetectionRules(GRACE, Duration.ofHours(1), Map.of())
          .withMaxTransit(Duration.ofDays(7), Map.of(SitePair.of(FACTORY, WAREHOUSE), LANE));
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant DEPARTURE = T0.plus(Duration.ofHours(2));
  static final Instant DEADLINE = DEPARTURE.plus(LANE);

  private final CustodyDriver custody = new CustodyDriver(RULES);

  @AfterEach
  void close() {
    custody.close();
  }

  /**
   * A device packed into the crate, sealed, and the crate shipped from the factory at {@code at}.
   */
  private static EventFixture[] crateShippedAt(Instant at) {
    Instant before = at.minus(Duration.ofHours(2));
    return new EventFixture[] {
      assembled(DEVICE, before),
      packed(CRATE, before.plusSeconds(600), DEVICE),
      sealApplied(CRATE, sealOf(CRATE), before.plusSeconds(1200)),
      shippedWith(CRATE, at, DEVICE)
    };
  }

  private List<Violation> overdue() {
    return overdueOf(custody);
  }

  private static List<Violation> overdueOf(CustodyDriver custody) {
    return custody.violations().stream()
        .filter(v -> v.getType() == AlertType.SHIPMENT_OVERDUE)
        .toList();
  }

  @Test
  void shouldRaiseShipmentOverdueOnWallClockWhenNoFurtherTrafficArrives() {
    // Shipped live, as the driver's wall clock starts: due two days later.
    Instant departure = CustodyDriver.WALL_CLOCK;
    custody.send(crateShippedAt(departure));
    custody.advanceWallClock(QUIET); // the first check notes the traffic

    custody.advanceWallClock(LANE.plus(GRACE).plus(QUIET).minusSeconds(1));
    assertThat(custody.violations()).as("before deadline + grace + quiet").isEmpty();

    custody.advanceWallClock(Duration.ofSeconds(1));
    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.SHIPMENT_OVERDUE))
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(CRATE))
        .satisfies(v -> assertThat(v.getSeverity()).isEqualTo(Severity.MEDIUM))
        .satisfies(
            v ->
                assertThat(v.getEvidence())
                    .extracting(Evidence::getEventId)
                    .containsExactly(shippedWith(CRATE, departure, DEVICE).eventId()))
        .satisfies(
            v ->
                assertThat(v.getAttributes())
                    .containsEntry("shipmentId", shipmentOf(CRATE))
                    .containsEntry("fromSite", FACTORY)
                    .containsEntry("toSite", WAREHOUSE)
                    .containsEntry("maxTransit", "PT48H")
                    .containsEntry("dueAt", departure.plus(LANE).toString()));

    custody.advanceWallClock(Duration.ofDays(3));
    custody.send(streamTimeAt(departure.plus(Duration.ofDays(5))));
    assertThat(custody.violations()).as("raised once").isEmpty();
  }

  @Test
  void shouldRaiseShipmentOverdueInEventTimeWhenReplayPassesDeadline() {
    custody.send(crateShippedAt(DEPARTURE));
    custody.advanceWallClock(Settles.DEFAULT_SHIPMENT);

    custody.send(streamTimeAt(DEADLINE.plus(GRACE).minusSeconds(1)));
    assertThat(custody.violations()).as("within the grace after the deadline").isEmpty();

    custody.send(streamTimeAt(DEADLINE.plus(GRACE)));
    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.SHIPMENT_OVERDUE))
        .satisfies(v -> assertThat(v.getSerial()).as("the crate, not its device").isEqualTo(CRATE));

    custody.send(streamTimeAt(DEADLINE.plus(Duration.ofDays(1))));
    custody.afterGrace();
    assertThat(custody.violations()).as("raised once").isEmpty();
  }

  @Test
  void shouldRaiseOldShipmentOnWallClockOnlyOnceEventTimeRunOnFromWhereReplayStoppedPassesIt() {
    // A replay of March stops with the wall clock in June: its open shipment is not overdue yet.
    custody.send(crateShippedAt(DEPARTURE));
    custody.send(streamTimeAt(DEPARTURE.plus(Duration.ofDays(1))));
    custody.afterGrace();
    assertThat(custody.violations()).as("idle for the grace after a replay").isEmpty();

    // Event time, run on with the wall clock from the replay's last event, reaches the deadline.
    custody.advanceWallClock(Duration.ofDays(1).minus(GRACE));
    assertThat(custody.violations()).as("a day of quiet, less the grace").isEmpty();
    custody.advanceWallClock(GRACE.plus(GRACE).plus(QUIET));
    assertThat(overdue())
        .singleElement()
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(CRATE));
  }

  @Test
  void shouldStaySilentWhenReceivedJustWithinLaneMaximum() {
    custody.send(crateShippedAt(DEPARTURE));
    custody.send(receivedWith(CRATE, DEADLINE, DEVICE));

    custody.send(streamTimeAt(DEADLINE.plus(Duration.ofDays(3))));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseShipmentOverdueWhenReceivedJustAfterLaneMaximum() {
    custody.send(crateShippedAt(DEPARTURE));
    custody.send(receivedWith(CRATE, DEADLINE.plusSeconds(1), DEVICE));
    custody.advanceWallClock(Settles.DEFAULT_SHIPMENT);

    custody.send(streamTimeAt(DEADLINE.plus(GRACE)));

    assertThat(overdue())
        .singleElement()
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(CRATE));
  }

  @Test
  void shouldStaySilentWhenReceiptWithinDeadlineIsReportedLateWithinGrace() {
    custody.send(crateShippedAt(DEPARTURE));
    custody.send(streamTimeAt(DEADLINE.plus(GRACE).minusSeconds(30)));

    custody.send(receivedWith(CRATE, DEADLINE.minusSeconds(60), DEVICE));
    custody.send(streamTimeAt(DEADLINE.plus(Duration.ofDays(1))));
    custody.afterGrace();

    assertThat(overdue()).isEmpty();
  }

  @Test
  void shouldStaySilentWhenReceiptArrivesBeforeItsShipping() {
    EventFixture[] shipped = crateShippedAt(DEPARTURE);
    custody.send(shipped[0], shipped[1], shipped[2]);
    custody.send(receivedWith(CRATE, DEPARTURE.plus(Duration.ofDays(1)), DEVICE));
    custody.send(shipped[3]);

    custody.send(streamTimeAt(DEADLINE.plus(Duration.ofDays(3))));
    custody.afterGrace();

    assertThat(overdue()).isEmpty();
  }

  @Test
  void shouldUseDefaultMaximumWhenLaneHasNoEntryOfItsOwn() {
    custody.send(assembled(DEVICE, T0));
    custody.send(
        shipped(DEVICE, DEPARTURE)
            .withDetail(new Shipped(shipmentOf(DEVICE), CUSTOMER_SITE, List.of(), sealOf(DEVICE))));
    custody.advanceWallClock(Settles.DEFAULT_SHIPMENT);

    custody.send(streamTimeAt(DEADLINE.plus(GRACE).plus(Duration.ofHours(1))));
    assertThat(overdue()).as("the factory-warehouse lane's 2 days do not apply").isEmpty();

    custody.send(streamTimeAt(DEPARTURE.plus(Duration.ofDays(7)).plus(GRACE)));
    assertThat(overdue())
        .singleElement()
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("maxTransit", "PT168H"));
  }

  @Test
  void shouldRaiseShipmentOverdueWhenAShipmentDueEarlierOpensAfterOneDueLater() {
    // A week's default lane first: the events after it find it not due yet.
    String other = "GWX1-000043";
    custody.send(assembled(other, T0));
    custody.send(
        shipped(other, DEPARTURE)
            .withDetail(new Shipped(shipmentOf(other), CUSTOMER_SITE, List.of(), sealOf(other))));
    custody.send(streamTimeAt(DEPARTURE.plus(Duration.ofHours(1))));
    // Then the crate on the two-day lane: its deadline is the earliest now.
    Instant departure = DEPARTURE.plus(Duration.ofHours(2));
    custody.send(crateShippedAt(departure));
    custody.advanceWallClock(Settles.DEFAULT_SHIPMENT);

    custody.send(streamTimeAt(departure.plus(LANE).plus(GRACE)));

    assertThat(overdue())
        .singleElement()
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(CRATE))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("maxTransit", "PT48H"));
  }

  @Test
  void shouldRaiseShipmentOverdueWhenShippingIsReportedAfterItsDeadline() {
    custody.send(streamTimeAt(DEADLINE.plus(Duration.ofDays(1))));

    custody.send(crateShippedAt(DEPARTURE));
    assertThat(overdue()).as("not before the settle").isEmpty();

    custody.advanceWallClock(Settles.DEFAULT_SHIPMENT);
    assertThat(overdue())
        .singleElement()
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(CRATE));
  }

  @Test
  void shouldRaiseShipmentOverdueAfterTheConfiguredSettleWhenShippingIsReportedAfterItsDeadline() {
    // Three wall-clock checks (every QUIET) long: the third is the first that may decide.
    Duration settle = QUIET.multipliedBy(3);
    try (var configured =
        new CustodyDriver(
            RULES,
            new Settles(
                Settles.DEFAULT_PROVENANCE,
                settle,
                Settles.DEFAULT_RELEASE,
                Settles.DEFAULT_REPORT))) {
      configured.send(streamTimeAt(DEADLINE.plus(Duration.ofDays(1))));
      configured.send(crateShippedAt(DEPARTURE));

      configured.advanceWallClock(settle.minusSeconds(1));
      assertThat(overdueOf(configured)).as("not before the configured settle").isEmpty();

      configured.advanceWallClock(Duration.ofSeconds(1));
      assertThat(overdueOf(configured))
          .singleElement()
          .satisfies(v -> assertThat(v.getSerial()).isEqualTo(CRATE));
    }
  }

  @Test
  void shouldStaySilentWhenReceiptFollowsItsShippingWithinSettleAfterStreamTimeRanPastDeadline() {
    // A batch upload: other serials' events carry stream time days past the deadline first.
    custody.send(streamTimeAt(DEADLINE.plus(Duration.ofDays(1))));
    custody.send(crateShippedAt(DEPARTURE));
    custody.advanceWallClock(Settles.DEFAULT_SHIPMENT.minusSeconds(1));

    custody.send(receivedWith(CRATE, DEPARTURE.plus(Duration.ofDays(1)), DEVICE));
    custody.advanceWallClock(Settles.DEFAULT_SHIPMENT);

    assertThat(overdue()).isEmpty();
  }
}
