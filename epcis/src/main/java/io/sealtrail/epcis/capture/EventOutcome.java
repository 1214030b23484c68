package io.sealtrail.epcis.capture;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What became of one event of an EPCIS document: exactly one outcome per event, in order. */
public sealed interface EventOutcome {
  /** The event's position in {@code epcisBody.eventList}. */
  int index();

  /** The JSON pointer of the event in the EPCIS document. */
  default String pointer() {
    return EpcisCapture.EVENT_LIST + "/" + index();
  }

  /** The event means {@code custodyEvent}, the JSON a partner signs for {@code POST /v1/events}. */
  record Mapped(int index, ObjectNode custodyEvent) implements EventOutcome {}

  /**
   * The event is part of the custody event another event maps to (the parts of an assembly belong
   * to the device's commissioning event at {@code into}).
   */
  record Folded(int index, String into) implements EventOutcome {}

  /** The event cannot be mapped, and why. */
  record Rejected(int index, Rejection rejection) implements EventOutcome {}
}
