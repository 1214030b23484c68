package io.sealtrail.cli.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The demo's size, pace, seed and patience, as options shared by the commands that play it. */
public final class DemoSettings {
  /**
   * Spike windows of 20 s instead of an hour (a window is judged at the latest grace + settle + a
   * few seconds after its end, by the wall clock, with no later traffic), 2 s of grace and 5 s of
   * settle.
   */
  private static final Map<String, String> SPIKES =
      Map.ofEntries(
          Map.entry("sealtrail.anomaly.attestation-spike.window", "PT20S"),
          Map.entry("sealtrail.anomaly.attestation-spike.grace", "PT2S"),
          Map.entry("sealtrail.anomaly.attestation-spike.settle", "PT5S"),
          Map.entry("sealtrail.anomaly.attestation-spike.wall-settle", "PT5S"),
          Map.entry("sealtrail.anomaly.rejection-spike.window", "PT20S"),
          Map.entry("sealtrail.anomaly.rejection-spike.grace", "PT2S"),
          Map.entry("sealtrail.anomaly.rejection-spike.settle", "PT5S"),
          Map.entry("sealtrail.anomaly.rejection-spike.wall-settle", "PT5S"),
          Map.entry("sealtrail.anomaly.flash-spike.window", "PT20S"),
          Map.entry("sealtrail.anomaly.flash-spike.grace", "PT2S"),
          Map.entry("sealtrail.anomaly.flash-spike.settle", "PT5S"),
          Map.entry("sealtrail.anomaly.flash-spike.wall-settle", "PT5S"));

  /**
   * What the platform needs for a demo of a minute or two: short spike windows, and the suppliers
   * the provenance cases are judged by ({@link ProvenanceCases#PLATFORM}).
   */
  public static final Map<String, String> PLATFORM = merged(SPIKES, ProvenanceCases.PLATFORM);

  private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
    Map<String, String> all = new HashMap<>(a);
    all.putAll(b);
    return Map.copyOf(all);
  }

  @Option(
      names = "--devices",
      paramLabel = "N",
      description = "Devices in the supply chain, at least 120 (default: ${DEFAULT-VALUE}).")
  int devices = 3000;

  @Option(
      names = "--rate",
      paramLabel = "EVENTS/S",
      description =
          "Events sent per second at most (default: ${DEFAULT-VALUE}, as fast as the platform"
              + " takes them; the summary prints the rate reached).")
  double rate = 10_000;

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
