package io.sealtrail.anomaly.topology;

import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.alert.AlertStores;
import io.sealtrail.anomaly.alert.IncidentProcessor;
import io.sealtrail.anomaly.alert.Occurrence;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The anomaly topology: custody violations, keyed by serial, folded into alerts in a named alert
 * store and published keyed by alert id. Pure: it only adds named nodes to the builder.
 */
public final class AnomalyTopology {
  private AnomalyTopology() {}

  public static void define(StreamsBuilder builder, Topics topics, AlertRules rules) {
    builder.addStateStore(AlertStores.alerts(topics.alerts().valueSerde()));
    builder.addStateStore(AlertStores.openIncidents());
    // Every violation's subject is its serial, the record key, so incidents need no repartition.
    builder.stream(
            topics.violations().name(),
            Consumed.with(topics.violations().keySerde(), topics.violations().valueSerde())
                .withName("anomaly-violations-source"))
        .mapValues(Occurrence::of, Named.as("anomaly-violation-occurrences"))
        .process(
            () -> new IncidentProcessor(rules),
            Named.as("anomaly-incident-processor"),
            AlertStores.ALERTS,
            AlertStores.OPEN_INCIDENTS)
        .to(
            topics.alerts().name(),
            Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                .withName("anomaly-alerts-sink"));
  }
}
