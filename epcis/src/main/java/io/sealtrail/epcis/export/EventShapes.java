package io.sealtrail.epcis.export;

import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.epcis.EpcisTime;
import io.sealtrail.epcis.Identifiers;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The EPCIS shape of each custody event type (reference §3): which event type, action, CBV business
 * step and disposition, and where each detail goes. Every type has one, so an export never leaves
 * an event out.
 */
final class EventShapes {
  static final String OBJECT = "ObjectEvent";
  static final String AGGREGATION = "AggregationEvent";
  static final String ASSOCIATION = "AssociationEvent";

  private static final Map<EventType, Function<VerifiedEvent, List<EpcisEvent>>> SHAPES =
      new EnumMap<>(EventType.class);

  static {
    DeviceShapes.register(SHAPES);
    LogisticsShapes.register(SHAPES);
    if (SHAPES.size() != EventType.values().length) {
      throw new IllegalStateException("an EPCIS shape is missing for a custody event type");
    }
  }

  private EventShapes() {}

  /** The EPCIS events (one, or two for an assembly) that show {@code verified}. */
  static List<EpcisEvent> of(VerifiedEvent verified) {
    List<EpcisEvent> events = SHAPES.get(verified.getEvent().getType()).apply(verified);
    events.forEach(event -> SignedOriginal.addTo(event, verified));
    return events;
  }

  /** The DSSE payload type of an envelope that is one custody event. */
  static final String CUSTODY_EVENT_PAYLOAD_TYPE = "application/vnd.sealtrail.event+json";

  /**
   * An event with what every shape shares: its id, times, and where it happened. The id names the
   * signed payload ({@code part} tells the two events of an assembly apart), so it is stable; a
   * payload carrying several custody events (an EPCIS capture) also names the custody event.
   */
  static EpcisEvent base(
      VerifiedEvent verified,
      String part,
      String type,
      String action,
      String bizStep,
      String disposition) {
    CustodyEvent custody = verified.getEvent();
    boolean own = CUSTODY_EVENT_PAYLOAD_TYPE.equals(verified.getEnvelope().getPayloadType());
    String id =
        (own
                ? Identifiers.event(verified.getPayloadSha256(), null, null)
                : Identifiers.event(
                    verified.getPayloadSha256(), custody.getPartnerId(), custody.getEventId()))
            + part;
    EpcisEvent event =
        new EpcisEvent(type, action, bizStep, disposition)
            .put("eventID", id)
            .put("eventTime", EpcisTime.format(custody.getOccurredAt()))
            .put("eventTimeZoneOffset", EpcisTime.UTC_OFFSET)
            .put("recordTime", EpcisTime.format(verified.getReceivedAt()));
    if (custody.getStation() != null) {
      event.place("readPoint", Identifiers.station(custody.getSite(), custody.getStation()));
    }
    return event.place("bizLocation", Identifiers.site(custody.getSite()));
  }

  /** An ObjectEvent about the custody event's subject alone. */
  static EpcisEvent objectEvent(
      VerifiedEvent verified, String action, String bizStep, String disposition) {
    return base(verified, "", OBJECT, action, bizStep, disposition)
        .uris("epcList", List.of(Identifiers.serial(verified.getEvent().getSubject())));
  }

  static <T> T detail(VerifiedEvent verified, Class<T> type) {
    return type.cast(verified.getEvent().getDetail());
  }
}
