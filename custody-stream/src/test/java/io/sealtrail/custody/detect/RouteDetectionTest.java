package io.sealtrail.custody.detect;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.event.Received;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DIVERSION (received elsewhere than shipped to) and ROUTE_MISMATCH (received as from elsewhere
 * than shipped from): on the container shipped, once, not on what it holds; judged in event-time
 * order, so a shipping reported after its receipt changes nothing.
 */
class RouteDetectionTest {
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant DEPARTURE = T0.plus(Duration.ofHours(2));
  static final Instant ARRIVAL = DEPARTURE.plus(Duration.ofDays(2));
  static final String OTHER_DEVICE = "GWX1-000043";

  private final CustodyDriver custody = new CustodyDriver();

  @AfterEach
  void close() {
    custody.close();
  }

  /** Two devices packed into the sealed crate, shipped from the factory to the warehouse. */
  private static final EventFixture[] PACKED =
      new EventFixture[] {
        assembled(DEVICE, T0),
        assembled(OTHER_DEVICE, T0),
        packed(CRATE, T0.plusSeconds(600), DEVICE, OTHER_DEVICE),
        sealApplied(CRATE, sealOf(CRATE), T0.plusSeconds(1200))
      };

  private static final EventFixture SHIPPED = shippedWith(CRATE, DEPARTURE, DEVICE, OTHER_DEVICE);

  private static EventFixture receivedFrom(String fromSite) {
    return receivedWith(CRATE, ARRIVAL, DEVICE, OTHER_DEVICE)
        .withDetail(
            new Received(
                shipmentOf(CRATE), fromSite, List.of(DEVICE, OTHER_DEVICE), sealOf(CRATE), true));
  }

  /**
   * Sends the crate's shipping and {@code receipt}, lets the grace pass, and expects exactly one
   * {@code type} on the crate (not on its devices), the receipt and the shipping cited, with {@code
   * attributes}.
   */
  private void assertRaisedOnCrateOnly(
      AlertType type, EventFixture receipt, Map<String, String> attributes) {
    custody.send(PACKED).send(SHIPPED);

    custody.send(receipt);
    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(type))
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(CRATE))
        .satisfies(
            v ->
                assertThat(v.getEvidence())
                    .extracting(Evidence::getEventId)
                    .containsExactly(receipt.eventId(), SHIPPED.eventId()))
        .satisfies(v -> assertThat(v.getAttributes()).containsAllEntriesOf(attributes));
  }

  @Test
  void shouldRaiseDiversionOnCrateOnlyWhenReceivedAtAnotherSiteThanShippedTo() {
    assertRaisedOnCrateOnly(
        AlertType.DIVERSION,
        receivedWith(CRATE, ARRIVAL, DEVICE, OTHER_DEVICE).at(CUSTOMER_SITE),
        Map.of("toSite", WAREHOUSE, "site", CUSTOMER_SITE, "shipmentId", shipmentOf(CRATE)));
  }

  @Test
  void shouldStaySilentWhenReceivedAtTheSiteShippedTo() {
    custody.send(PACKED).send(SHIPPED);

    custody.send(receivedWith(CRATE, ARRIVAL, DEVICE, OTHER_DEVICE));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseRouteMismatchOnCrateOnlyWhenReceiptSaysItCameFromAnotherSite() {
    assertRaisedOnCrateOnly(
        AlertType.ROUTE_MISMATCH,
        receivedFrom(CUSTOMER_SITE),
        Map.of("fromSite", CUSTOMER_SITE, "shippedFrom", FACTORY));
  }

  @Test
  void shouldStaySilentWhenReceiptNamesTheSiteShippedFrom() {
    custody.send(PACKED).send(SHIPPED);

    custody.send(receivedFrom(FACTORY));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseDiversionWhenShippingIsReportedAfterItsReceiptWithinGrace() {
    custody.send(PACKED);
    custody.send(receivedWith(CRATE, ARRIVAL, DEVICE, OTHER_DEVICE).at(CUSTOMER_SITE));
    custody.send(SHIPPED);
    custody.afterGrace();

    assertThat(custody.violationTypes()).containsExactly(AlertType.DIVERSION);
  }

  @Test
  void shouldStaySilentWhenShippingIsReportedAfterItsReceiptAtTheSiteShippedTo() {
    custody.send(PACKED);
    custody.send(receivedWith(CRATE, ARRIVAL, DEVICE, OTHER_DEVICE));
    custody.send(SHIPPED);
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldLeaveReceiptOfShipmentNeverShippedToInvalidTransition() {
    custody.send(PACKED).send(SHIPPED);

    custody.send(received(CRATE, "SHIP-OTHER", sealOf(CRATE), true, ARRIVAL).at(CUSTOMER_SITE));
    custody.afterGrace();

    assertThat(custody.violationTypes()).containsExactly(AlertType.INVALID_TRANSITION);
  }
}
