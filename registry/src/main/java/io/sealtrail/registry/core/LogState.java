package io.sealtrail.registry.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether the registry's state still follows its log: the loop that reads the log back and applies
 * it runs, or it stopped and why. A registry whose log stopped answers reads from a state that no
 * longer changes and fails every write, so it must not report itself ready.
 *
 * @param stoppedBecause empty while the log is followed; else what stopped it, for an operator
 */
public record LogState(Optional<String> stoppedBecause) {
  public static final LogState FOLLOWING = new LogState(Optional.empty());

  public LogState {
    Objects.requireNonNull(stoppedBecause, "stoppedBecause");
  }

  public static LogState stopped(String reason) {
    return new LogState(Optional.of(reason));
  }

  public boolean following() {
    return stoppedBecause.isEmpty();
  }
}
