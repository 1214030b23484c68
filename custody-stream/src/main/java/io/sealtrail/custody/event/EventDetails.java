package io.sealtrail.custody.event;

import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.event.Commissioned;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.Decommissioned;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.event.FirmwareReleased;
import io.sealtrail.avro.event.FirmwareWithdrawn;
import io.sealtrail.avro.event.KeyProvisioned;
import io.sealtrail.avro.event.Packed;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.Scanned;
import io.sealtrail.avro.event.SealApplied;
import io.sealtrail.avro.event.SealChecked;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.event.Unpacked;
import io.sealtrail.avro.event.VerifiedEvent;
import java.util.EnumMap;
import java.util.Map;

/** The detail record each event type carries, checked once as an event enters the topology. */
public final class EventDetails {
  private static final Map<EventType, Class<?>> DETAIL = new EnumMap<>(EventType.class);

  static {
    DETAIL.put(EventType.COMPONENT_RECEIVED, ComponentReceived.class);
    DETAIL.put(EventType.ASSEMBLED, Assembled.class);
    DETAIL.put(EventType.KEY_PROVISIONED, KeyProvisioned.class);
    DETAIL.put(EventType.FIRMWARE_RELEASED, FirmwareReleased.class);
    DETAIL.put(EventType.FIRMWARE_FLASHED, FirmwareFlashed.class);
    DETAIL.put(EventType.SEAL_APPLIED, SealApplied.class);
    DETAIL.put(EventType.SEAL_CHECKED, SealChecked.class);
    DETAIL.put(EventType.PACKED, Packed.class);
    DETAIL.put(EventType.UNPACKED, Unpacked.class);
    DETAIL.put(EventType.SHIPPED, Shipped.class);
    DETAIL.put(EventType.RECEIVED, Received.class);
    DETAIL.put(EventType.SCANNED, Scanned.class);
    DETAIL.put(EventType.ATTESTED, Attested.class);
    DETAIL.put(EventType.COMMISSIONED, Commissioned.class);
    DETAIL.put(EventType.DECOMMISSIONED, Decommissioned.class);
    DETAIL.put(EventType.FIRMWARE_WITHDRAWN, FirmwareWithdrawn.class);
  }

  private EventDetails() {}

  /**
   * Refuses an event whose detail is not its type's, or that says it happened before 1970 (event
   * time is a Kafka timestamp, which cannot be negative).
   *
   * @throws MalformedEventException naming the event and what is wrong with it
   */
  public static void requireWellFormed(VerifiedEvent verified) {
    if (verified == null) {
      return;
    }
    var event = verified.getEvent();
    if (event.getOccurredAt().toEpochMilli() < 0) {
      throw new MalformedEventException(
          "event "
              + event.getEventId()
              + " occurredAt "
              + event.getOccurredAt()
              + " is before 1970-01-01T00:00:00Z, which event time cannot carry");
    }
    Class<?> expected = DETAIL.get(event.getType());
    if (expected == null || !expected.isInstance(event.getDetail())) {
      String carried =
          event.getDetail() == null ? "null" : event.getDetail().getClass().getSimpleName();
      throw new MalformedEventException(
          "event "
              + event.getEventId()
              + " of type "
              + event.getType()
              + " carries a "
              + carried
              + " detail");
    }
  }
}
