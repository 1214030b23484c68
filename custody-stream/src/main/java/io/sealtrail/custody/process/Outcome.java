package io.sealtrail.custody.process;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.state.CustodyState;
import java.util.List;
import java.util.Optional;

/**
 * What one step of the custody processor produced for a serial: its new state, when an event
 * changed it, and the violations now final. It never leaves the processor's sub-topology.
 */
public record Outcome(Optional<CustodyState> state, List<Violation> violations) {
  public Outcome {
    violations = List.copyOf(violations);
  }

  /** Violations released without any new state, e.g. when their grace ended. */
  public static Outcome released(List<Violation> violations) {
    return new Outcome(Optional.empty(), violations);
  }

  /** The new state as zero or one records for the state topic. */
  public List<CustodyState> states() {
    return state.map(List::of).orElse(List.of());
  }
}
