package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A receipt compared with the shipment it names, as the serial was when it was received: DIVERSION
 * when it is received at another site than the shipment's destination, ROUTE_MISMATCH when it says
 * it came from another site than the one it was shipped from; each cites the shipping. Judged on
 * the receipt's own subject (the container shipped), never on what it holds, so a diverted pallet
 * is one alert, not one per device. A receipt of a shipment the serial is not in is {@link
 * InvalidTransitionDetector}'s.
 */
final class RouteDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return detect(prior, event, Past.NONE);
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event, Past past) {
    Optional<Received> receipt = event.detail(Received.class);
    if (receipt.isEmpty()
        || prior == null
        || !receipt.get().getShipmentId().equals(prior.getShipmentId())) {
      return List.of();
    }
    String shipment = prior.getShipmentId();
    Optional<Observation> shipping =
        past.latestUntil(event.occurredAt(), e -> shipped(e, shipment));
    List<Finding> findings = new ArrayList<>(2);
    String destination = prior.getDestinationSite();
    if (destination != null && !destination.equals(event.site())) {
      String summary =
          String.format(
              "%s of shipment %s received at %s, shipped to %s",
              event.serial(), shipment, event.site(), destination);
      findings.add(
          Finding.of(
                  AlertType.DIVERSION,
                  event,
                  summary,
                  Map.of("shipmentId", shipment, "toSite", destination))
              .citing(shipping, "shipped"));
    }
    String claimed = receipt.get().getFromSite();
    shipping
        .filter(s -> !s.site().equals(claimed))
        .ifPresent(
            s ->
                findings.add(
                    Finding.of(
                            AlertType.ROUTE_MISMATCH,
                            event,
                            String.format(
                                "%s of shipment %s received as from %s, shipped from %s",
                                event.serial(), shipment, claimed, s.site()),
                            Map.of(
                                "shipmentId",
                                shipment,
                                "fromSite",
                                claimed,
                                "shippedFrom",
                                s.site()))
                        .citing(shipping, "shipped")));
    return findings;
  }

  private static boolean shipped(Observation e, String shipment) {
    return e.type() == EventType.SHIPPED
        && e.detail(Shipped.class).map(s -> s.getShipmentId().equals(shipment)).orElse(false);
  }
}
