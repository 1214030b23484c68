package io.sealtrail.bench;

import java.time.Duration;
import java.time.Instant;

/** Progress lines on stderr, each with the time since the suite started, so long waits show. */
public final class Progress {
  private static final Instant START = Instant.now();

  private Progress() {}

  public static void say(String format, Object... args) {
    long seconds = Duration.between(START, Instant.now()).toSeconds();
    System.err.printf(
        "[bench %3d:%02d] %s%n", seconds / 60, seconds % 60, String.format(format, args));
  }
}
