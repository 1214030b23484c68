package io.sealtrail.ingest.event;

import io.sealtrail.avro.event.CustodyEvent;
import java.util.Objects;

/** The outcome of reading a signed event payload: the event, or why it cannot be one. */
public sealed interface EventReading {

  /** The payload is a well-formed event of the contract. */
  record Read(CustodyEvent event) implements EventReading {
    public Read {
      Objects.requireNonNull(event, "event");
    }
  }

  /** The payload is not a JSON object at all (MALFORMED_EVENT). */
  record Malformed(String message) implements EventReading {
    public Malformed {
      Objects.requireNonNull(message, "message");
    }
  }

  /** The payload is JSON but breaks the event schema at {@code pointer} (SCHEMA_VIOLATION). */
  record Violation(String pointer, String message) implements EventReading {
    public Violation {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(message, "message");
    }
  }
}
