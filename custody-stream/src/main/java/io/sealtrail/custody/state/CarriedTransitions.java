package io.sealtrail.custody.state;

import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.custody.event.Observation;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a container's event does to each serial it holds, at any level of nesting: packing puts the
 * serial it names in the container, unpacking takes it out, shipping and receiving move whatever is
 * inside at any depth. A packing or unpacking of an outer container (a pallet's, reaching a device
 * through its carton) only joins the serial's history, as do a container's seal events; the
 * serial's own seal is another one.
 */
final class CarriedTransitions {
  private static final Map<EventType, Transition> BY_TYPE = new EnumMap<>(EventType.class);
  private static final Transition HISTORY_ONLY = (e, s, late) -> {};

  static {
    BY_TYPE.put(EventType.PACKED, CarriedTransitions::packed);
    BY_TYPE.put(EventType.UNPACKED, CarriedTransitions::unpacked);
    BY_TYPE.put(EventType.SHIPPED, CarriedTransitions::shipped);
    BY_TYPE.put(EventType.RECEIVED, CarriedTransitions::received);
    // Received still packed: the serial is at the site, inside its container.
  }

  private CarriedTransitions() {}

  static Transition of(Observation containerEvent) {
    return BY_TYPE.getOrDefault(containerEvent.type(), HISTORY_ONLY);
  }

  private static void packed(Observation e, CustodyState.Builder s, boolean late) {
    if (!late && Contents.names(e, s.getSerial())) {
      s.setContainer(e.serial());
      Transitions.status(s, CustodyStatus.PACKED, false);
    }
  }

  private static void unpacked(Observation e, CustodyState.Builder s, boolean late) {
    if (!late && e.serial().equals(s.getContainer()) && Contents.names(e, s.getSerial())) {
      s.setContainer(null);
      Transitions.status(s, CustodyStatus.AT_SITE, false);
    }
  }

  private static void shipped(Observation e, CustodyState.Builder s, boolean late) {
    Shipped detail = e.detail(Shipped.class).orElseThrow();
    if (!late) {
      s.setShipmentId(detail.getShipmentId()).setDestinationSite(detail.getToSite());
      Transitions.status(s, CustodyStatus.IN_TRANSIT, false);
    }
  }

  private static void received(Observation e, CustodyState.Builder s, boolean late) {
    if (!late) {
      s.setShipmentId(null).setDestinationSite(null);
      Transitions.status(s, CustodyStatus.PACKED, false);
    }
  }
}
