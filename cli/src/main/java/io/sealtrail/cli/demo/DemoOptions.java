package io.sealtrail.cli.demo;

import java.time.Instant;
import java.util.Objects;

/**
 * What the generator is asked for: how many devices, the seed that fixes every choice and key, the
 * instant the story ends at (events lie before it, as ingest refuses the future) and the run tag
 * that keeps serials and event ids of two runs apart.
 */
public record DemoOptions(int devices, long seed, Instant end, String run) {
  public static final int MIN_DEVICES = 120;

  public DemoOptions {
    if (devices < MIN_DEVICES) {
      throw new IllegalArgumentException(
          "the demo needs at least " + MIN_DEVICES + " devices, got " + devices);
    }
    Objects.requireNonNull(end, "end");
    if (run == null || !run.matches("[A-Z0-9]{1,8}")) {
      throw new IllegalArgumentException("a run tag is 1-8 capital letters or digits: " + run);
    }
  }

  /** A run tag from the end instant: two runs a minute apart never share serials. */
  public static String runTagOf(Instant end) {
    return Long.toString(end.getEpochSecond() / 60 % 1_679_616L, 36)
        .toUpperCase(java.util.Locale.ROOT);
  }
}
