package io.sealtrail.cli.demo;

import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The demo's size, pace, seed and patience, as options shared by the commands that play it. */
public final class DemoSettings {
  @Option(
      names = "--devices",
      paramLabel = "N",
      description = "Devices in the supply chain, at least 120 (default: ${DEFAULT-VALUE}).")
  int devices = 3000;

  @Option(
      names = "--rate",
      paramLabel = "EVENTS/S",
      description = "Events sent per second at most (default: ${DEFAULT-VALUE}).")
  double rate = 600;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      description = "Fixes every choice and key of the supply chain (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(
      names = "--detection-timeout",
      paramLabel = "SECONDS",
      description = "How long to wait for every case to be detected (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds = 180;

  /**
   * The options for a story that ends {@code now}; checked here so a bad value is a clear error.
   */
  public DemoOptions options(Instant now) {
    if (rate <= 0) {
      throw new IllegalArgumentException("--rate must be positive, got " + rate);
    }
    if (timeoutSeconds <= 0) {
      throw new IllegalArgumentException("--detection-timeout must be positive");
    }
    // A minute back: every event lies safely in the past of ingest's clock.
    Instant end = now.minusSeconds(60);
    return new DemoOptions(devices, seed, end, DemoOptions.runTagOf(end));
  }

  public double rate() {
    return rate;
  }

  public Duration timeout() {
    return Duration.ofSeconds(timeoutSeconds);
  }
}
