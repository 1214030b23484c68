package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * INVALID_TRANSITION when custody order is broken: shipped unsealed (the event alone shows it), or
 * received without being shipped (held for the grace, as the shipment may be late). A flash in
 * service without an approver is {@link InServiceFlashDetector}'s.
 */
final class InvalidTransitionDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return event
        .detail(Shipped.class)
        .flatMap(s -> shippedUnsealed(event, s))
        .or(() -> event.detail(Received.class).flatMap(r -> receivedUnshipped(prior, event, r)))
        .map(List::of)
        .orElse(List.of());
  }

  private static Optional<Finding> shippedUnsealed(Observation event, Shipped shipped) {
    if (shipped.getSealId() != null) {
      return Optional.empty();
    }
    String summary = event.serial() + " shipped unsealed in shipment " + shipped.getShipmentId();
    return Optional.of(invalid(event, summary, shipped.getShipmentId()));
  }

  private static Optional<Finding> receivedUnshipped(
      CustodyState prior, Observation event, Received received) {
    String shipment = received.getShipmentId();
    if (prior != null && shipment.equals(prior.getShipmentId())) {
      return Optional.empty();
    }
    String summary = event.serial() + " received in shipment " + shipment + " that was not shipped";
    return Optional.of(invalid(event, summary, shipment).unless(new Awaiting.Shipment(shipment)));
  }

  private static Finding invalid(Observation event, String summary, String shipmentId) {
    return Finding.of(
        AlertType.INVALID_TRANSITION, event, summary, Map.of("shipmentId", shipmentId));
  }
}
