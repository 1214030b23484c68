package io.sealtrail.custody.shipment;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.detect.Finding;
import io.sealtrail.custody.detect.Violations;
import io.sealtrail.custody.event.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The SHIPMENT_OVERDUE a shipping raises if it is not received within its lane's maximum transit
 * time: evidence the shipping, attributes the shipment, its lane, the maximum and the deadline.
 */
final class Overdue {
  static final String DUE_AT = "dueAt";

  private Overdue() {}

  /** The most {@code shipping} may take, from where it was shipped to where it was shipped to. */
  static Duration maxTransit(DetectionRules rules, String from, String to) {
    // A lane is two different sites; a shipment to where it already is has the default.
    return from.equals(to) ? rules.defaultMaxTransit() : rules.maxTransit(from, to);
  }

  /**
   * What {@code shipping}, seen at {@code seenAt}, raises if it is not received by its deadline.
   */
  static Violation of(Observation shipping, Shipped detail, Duration max, Instant seenAt) {
    Instant deadline = shipping.occurredAt().plus(max);
    String summary =
        String.format(
            "%s of shipment %s shipped from %s to %s at %s not received within %s (by %s)",
            shipping.serial(),
            detail.getShipmentId(),
            shipping.site(),
            detail.getToSite(),
            shipping.occurredAt(),
            max,
            deadline);
    Finding finding =
        Finding.of(
            AlertType.SHIPMENT_OVERDUE,
            shipping,
            summary,
            Map.of(
                "shipmentId",
                detail.getShipmentId(),
                "fromSite",
                shipping.site(),
                "toSite",
                detail.getToSite(),
                "maxTransit",
                max.toString(),
                DUE_AT,
                deadline.toString()));
    return Violations.of(finding, shipping, seenAt);
  }

  static Instant deadlineOf(Violation overdue) {
    return Instant.parse(overdue.getAttributes().get(DUE_AT));
  }

  /** The violation as raised at {@code now}. */
  static Violation raisedAt(Violation overdue, Instant now) {
    return Violation.newBuilder(overdue).setDetectedAt(now).build();
  }
}
