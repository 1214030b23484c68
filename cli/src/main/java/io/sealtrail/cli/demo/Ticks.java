package io.sealtrail.cli.demo;

import java.time.Instant;
import java.util.List;

/**
 * What keeps happening while the demo waits for its spikes: spike windows close only when stream
 * time passes their end, and stream time moves only with later events of the same cohort.
 */
public interface Ticks {
  /** The events of tick {@code n} (0, 1, ...), happening at {@code now}. */
  List<DemoEvent> at(int n, Instant now);
}
