package io.sealtrail.custody.state;

import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.custody.event.Observation;

/** Transitions of shipping and receiving: the open shipment, its destination and seal. */
final class ShipmentTransitions {
  private ShipmentTransitions() {}

  static void shipped(Observation e, CustodyState.Builder s, boolean late) {
    Shipped detail = e.detail(Shipped.class).orElseThrow();
    if (s.getSealId() == null && detail.getSealId() != null) {
      s.setSealId(detail.getSealId()).setSealIntact(true);
    }
    if (!late) {
      s.setShipmentId(detail.getShipmentId()).setDestinationSite(detail.getToSite());
      Transitions.status(s, CustodyStatus.IN_TRANSIT, false);
    }
  }

  static void received(Observation e, CustodyState.Builder s, boolean late) {
    Received detail = e.detail(Received.class).orElseThrow();
    if (late) {
      return;
    }
    s.setShipmentId(null).setDestinationSite(null);
    if (detail.getSealIntact() != null && detail.getSealId() != null) {
      if (s.getSealId() == null) {
        s.setSealId(detail.getSealId());
      }
      s.setSealIntact(detail.getSealIntact() && detail.getSealId().equals(s.getSealId()));
    }
    Transitions.status(s, CustodyStatus.AT_SITE, false);
  }
}
