package io.sealtrail.anomaly.topology;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * The topology the anomaly service runs, built from its configuration (the service that runs it is
 * {@code io.sealtrail.anomaly.service.AnomalyService}).
 */
public final class AnomalyApp {
  private AnomalyApp() {}

  /** Builds the topology the application runs, from its configuration. */
  public static Topology topology(AnomalyConfig config) {
    StreamsBuilder builder = new StreamsBuilder();
    AnomalyTopology.define(
        builder, Topics.from(config.topics(), config.serdeConfig()), config.rules());
    return builder.build(config.streamsProperties());
  }
}
