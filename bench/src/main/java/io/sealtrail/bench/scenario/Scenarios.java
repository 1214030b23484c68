package io.sealtrail.bench.scenario;

import java.util.List;

/** Every scenario, in the order the suite runs them (later ones reuse what earlier ones made). */
public final class Scenarios {
  private Scenarios() {}

  public static List<Scenario> all() {
    return List.of(
        new SignatureCeiling(),
        new IngestKafkaPath(),
        new LogAppendCost(),
        new IngestHttp(),
        new CustodyThroughput(),
        new EndToEndLatency(),
        new Capacity(),
        new Queries(),
        new Restore(),
        new LocalModeMemory());
  }
}
