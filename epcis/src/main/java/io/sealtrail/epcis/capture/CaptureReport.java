package io.sealtrail.epcis.capture;

import java.util.List;

/** The answer to an EPCIS document: refused as a whole, or one outcome per event. */
public sealed interface CaptureReport {
  /** The document cannot be read as an EPCIS 2.0 document, so no event in it can be. */
  record DocumentRejected(Rejection rejection) implements CaptureReport {}

  /** One outcome per event of {@code epcisBody.eventList}, in the same order. */
  record Events(List<EventOutcome> outcomes) implements CaptureReport {
    public Events {
      outcomes = List.copyOf(outcomes);
    }
  }
}
