package io.sealtrail.bench.scenario;

import java.time.Duration;
import java.util.List;

/**
 * How much load each scenario offers. {@link #standard()} is sized to finish the suite within 15
 * minutes on two busy cores; {@link #smoke()} only shows that everything runs.
 *
 * @param ingestDevices devices whose four-event assembly goes through ingest (and custody)
 * @param httpSingleRequests single-envelope POSTs, and as many no-op POSTs
 * @param httpBatches batched POSTs of {@code httpBatchSize} envelopes
 * @param latencyRates offered submissions per second of the latency runs, one run (and rows) each
 * @param latencyDuration how long the constant-rate generator offers them, at each rate; also how
 *     long ingest-http's open loop offers its batched requests (issue #20)
 * @param lotDevices devices assembled from the one traced lot
 * @param lookups serial lookups (and as many no-op GETs)
 * @param demoDevices devices of the demo that {@code sealtrail local --demo} plays (at least 120)
 * @param capacityRates the capacity scenario's steps of offered events per second, rising
 * @param capacityStep how long each capacity step is held
 */
public record Scale(
    int ingestDevices,
    int httpSingleRequests,
    int httpBatches,
    int httpBatchSize,
    List<Integer> latencyRates,
    Duration latencyDuration,
    int lotDevices,
    int lookups,
    int demoDevices,
    List<Integer> capacityRates,
    Duration capacityStep) {

  public Scale {
    latencyRates = List.copyOf(latencyRates);
    capacityRates = List.copyOf(capacityRates);
  }

  public static Scale standard() {
    return new Scale(
        2_500,
        1_000,
        100,
        100,
        List.of(100, 1_000),
        Duration.ofSeconds(20),
        100_000,
        1_000,
        3_000,
        List.of(250, 500, 1_000, 1_500, 2_000, 3_000, 4_000, 5_000),
        Duration.ofSeconds(60));
  }

  public static Scale smoke() {
    return new Scale(
        300,
        100,
        10,
        20,
        List.of(20, 100),
        Duration.ofSeconds(5),
        2_000,
        100,
        150,
        List.of(100, 200, 400),
        Duration.ofSeconds(5));
  }

  /** The same with the capacity steps and their holding time replaced where given (null: kept). */
  public Scale withCapacity(List<Integer> rates, Duration step) {
    return new Scale(
        ingestDevices,
        httpSingleRequests,
        httpBatches,
        httpBatchSize,
        latencyRates,
        latencyDuration,
        lotDevices,
        lookups,
        demoDevices,
        rates == null || rates.isEmpty() ? capacityRates : rates.stream().sorted().toList(),
        step == null ? capacityStep : step);
  }
}
