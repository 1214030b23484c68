package io.sealtrail.custody.state;

import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.Packed;
import io.sealtrail.avro.event.SealApplied;
import io.sealtrail.avro.event.SealChecked;
import io.sealtrail.avro.event.Unpacked;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.CustodyStatus;
import io.sealtrail.avro.state.SerialKind;
import io.sealtrail.custody.event.Observation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The transition of every event type, looked up by the event's type. */
final class Transitions {
  private static final Map<EventType, Transition> BY_TYPE = new EnumMap<>(EventType.class);

  static {
    BY_TYPE.put(EventType.COMPONENT_RECEIVED, Transitions::componentReceived);
    BY_TYPE.put(EventType.ASSEMBLED, Transitions::assembled);
    BY_TYPE.put(EventType.KEY_PROVISIONED, DeviceTransitions::keyProvisioned);
    BY_TYPE.put(EventType.FIRMWARE_RELEASED, (e, s, late) -> kind(s, SerialKind.PRODUCT));
    BY_TYPE.put(EventType.FIRMWARE_FLASHED, DeviceTransitions::firmwareFlashed);
    BY_TYPE.put(EventType.SEAL_APPLIED, Transitions::sealApplied);
    BY_TYPE.put(EventType.SEAL_CHECKED, Transitions::sealChecked);
    BY_TYPE.put(EventType.PACKED, Transitions::packed);
    BY_TYPE.put(EventType.UNPACKED, Transitions::unpacked);
    BY_TYPE.put(EventType.SHIPPED, ShipmentTransitions::shipped);
    BY_TYPE.put(EventType.RECEIVED, ShipmentTransitions::received);
    BY_TYPE.put(EventType.SCANNED, (e, s, late) -> {});
    BY_TYPE.put(EventType.ATTESTED, DeviceTransitions::attested);
    BY_TYPE.put(EventType.COMMISSIONED, DeviceTransitions::commissioned);
    BY_TYPE.put(EventType.DECOMMISSIONED, DeviceTransitions::decommissioned);
    BY_TYPE.put(EventType.FIRMWARE_WITHDRAWN, (e, s, late) -> kind(s, SerialKind.PRODUCT));
  }

  private Transitions() {}

  static Transition of(Observation event) {
    return BY_TYPE.get(event.type());
  }

  /** Sets the kind of a serial the first time an event tells it. */
  static void kind(CustodyState.Builder state, SerialKind kind) {
    if (state.getKind() == SerialKind.UNKNOWN) {
      state.setKind(kind);
    }
  }

  /** Moves the status on, except for a late event or a decommissioned serial, which stays so. */
  static void status(CustodyState.Builder state, CustodyStatus status, boolean late) {
    if (!late && state.getStatus() != CustodyStatus.DECOMMISSIONED) {
      state.setStatus(status);
    }
  }

  private static void componentReceived(Observation e, CustodyState.Builder s, boolean late) {
    ComponentReceived detail = e.detail(ComponentReceived.class).orElseThrow();
    kind(s, detail.getLot().equals(e.serial()) ? SerialKind.LOT : SerialKind.COMPONENT);
    status(s, CustodyStatus.RECEIVED, late);
  }

  private static void assembled(Observation e, CustodyState.Builder s, boolean late) {
    Assembled detail = e.detail(Assembled.class).orElseThrow();
    kind(s, SerialKind.DEVICE);
    s.setProduct(detail.getProduct())
        .setBomRevision(detail.getBomRevision())
        .setComponents(detail.getComponents());
    status(s, CustodyStatus.ASSEMBLED, late);
  }

  private static void sealApplied(Observation e, CustodyState.Builder s, boolean late) {
    s.setSealId(e.detail(SealApplied.class).orElseThrow().getSealId()).setSealIntact(true);
    status(s, CustodyStatus.SEALED, late);
  }

  private static void sealChecked(Observation e, CustodyState.Builder s, boolean late) {
    SealChecked detail = e.detail(SealChecked.class).orElseThrow();
    if (!late && detail.getSealId().equals(s.getSealId())) {
      s.setSealIntact(detail.getIntact());
    }
  }

  private static void packed(Observation e, CustodyState.Builder s, boolean late) {
    kind(s, SerialKind.CONTAINER);
    Set<String> contents = new LinkedHashSet<>(s.getContents());
    contents.addAll(e.detail(Packed.class).orElseThrow().getContents());
    s.setContents(new ArrayList<>(contents));
    status(s, CustodyStatus.PACKED, late);
  }

  private static void unpacked(Observation e, CustodyState.Builder s, boolean late) {
    kind(s, SerialKind.CONTAINER);
    List<String> contents = new ArrayList<>(s.getContents());
    contents.removeAll(e.detail(Unpacked.class).orElseThrow().getContents());
    s.setContents(contents);
    status(s, CustodyStatus.AT_SITE, late);
  }
}
