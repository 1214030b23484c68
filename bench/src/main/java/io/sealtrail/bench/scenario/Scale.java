package io.sealtrail.bench.scenario;

import java.time.Duration;

/**
 * How much load each scenario offers. {@link #standard()} finishes the suite in about ten minutes
 * on two cores; {@link #smoke()} only shows that everything runs.
 *
 * @param ingestDevices devices whose four-event assembly goes through ingest (and custody)
 * @param httpSingleRequests single-envelope POSTs, and as many no-op POSTs
 * @param httpBatches batched POSTs of {@code httpBatchSize} envelopes
 * @param latencyRate offered submissions per second of the latency run
 * @param latencyDuration how long the constant-rate generator offers them
 * @param lotDevices devices assembled from the one traced lot
 * @param lookups serial lookups (and as many no-op GETs)
 */
public record Scale(
    int ingestDevices,
    int httpSingleRequests,
    int httpBatches,
    int httpBatchSize,
    int latencyRate,
    Duration latencyDuration,
    int lotDevices,
    int lookups) {

  public static Scale standard() {
    return new Scale(5_000, 2_000, 150, 100, 100, Duration.ofSeconds(30), 100_000, 2_000);
  }

  public static Scale smoke() {
    return new Scale(300, 100, 10, 20, 20, Duration.ofSeconds(5), 2_000, 100);
  }
}
