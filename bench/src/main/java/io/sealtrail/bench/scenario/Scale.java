package io.sealtrail.bench.scenario;

import java.time.Duration;

/**
 * How much load each scenario offers. {@link #standard()} is sized to finish the suite within 15
 * minutes on two busy cores; {@link #smoke()} only shows that everything runs.
 *
 * @param ingestDevices devices whose four-event assembly goes through ingest (and custody)
 * @param httpSingleRequests single-envelope POSTs, and as many no-op POSTs
 * @param httpBatches batched POSTs of {@code httpBatchSize} envelopes
 * @param latencyRate offered submissions per second of the latency run
 * @param latencyDuration how long the constant-rate generator offers them
 * @param lotDevices devices assembled from the one traced lot
 * @param lookups serial lookups (and as many no-op GETs)
 * @param demoDevices devices of the demo that {@code sealtrail local --demo} plays (at least 120)
 */
public record Scale(
    int ingestDevices,
    int httpSingleRequests,
    int httpBatches,
    int httpBatchSize,
    int latencyRate,
    Duration latencyDuration,
    int lotDevices,
    int lookups,
    int demoDevices) {

  public static Scale standard() {
    return new Scale(2_500, 1_000, 100, 100, 100, Duration.ofSeconds(20), 100_000, 1_000, 3_000);
  }

  public static Scale smoke() {
    return new Scale(300, 100, 10, 20, 20, Duration.ofSeconds(5), 2_000, 100, 150);
  }
}
