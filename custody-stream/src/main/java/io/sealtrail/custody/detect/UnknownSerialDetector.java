package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UNKNOWN_SERIAL when a serial's first event is not one that brings a serial into custody
 * (received, assembled, packed, shipped, or for a product released or withdrawn). Held for the
 * grace: its birth may be late.
 */
final class UnknownSerialDetector implements Detector {
  static final Set<EventType> BIRTHS =
      EnumSet.of(
          EventType.COMPONENT_RECEIVED,
          EventType.ASSEMBLED,
          EventType.RECEIVED,
          EventType.PACKED,
          EventType.SHIPPED,
          EventType.FIRMWARE_RELEASED,
          EventType.FIRMWARE_WITHDRAWN);

  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    if (prior != null || BIRTHS.contains(event.type())) {
      return List.of();
    }
    String summary =
        event.serial() + " was never assembled or received but is reported " + event.type();
    return List.of(
        Finding.of(
                AlertType.UNKNOWN_SERIAL, event, summary, Map.of("eventType", event.type().name()))
            .unless(new Awaiting.AnyOf(BIRTHS)));
  }
}
