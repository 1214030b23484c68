package io.sealtrail.custody.state;

import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;

/** What one kind of event does to the state of its serial. */
@FunctionalInterface
interface Transition {
  /**
   * Applies {@code event} to {@code state}; when {@code late}, only facts that do not depend on the
   * order of events (components, keys, contents) are applied, never a status.
   */
  void apply(Observation event, CustodyState.Builder state, boolean late);
}
