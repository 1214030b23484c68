package io.sealtrail.anomaly.topology;

import io.sealtrail.anomaly.AnomalyTopics;
import io.sealtrail.anomaly.alert.AlertStores;
import io.sealtrail.anomaly.alert.Alerts;
import io.sealtrail.anomaly.alert.IncidentProcessor;
import io.sealtrail.anomaly.alert.LinkProcessor;
import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.anomaly.alert.StormLinks;
import io.sealtrail.anomaly.alert.StormMembersProcessor;
import io.sealtrail.anomaly.lifecycle.CommandProcessor;
import io.sealtrail.anomaly.stale.StaleTopology;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertCommand;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.event.VerifiedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The anomaly topology: custody violations, spikes and stale attestations, as occurrences
 * repartitioned by incident key, folded into alerts in one named alert store, and changed by
 * operator commands routed the same way; every alert version is published keyed by alert id. Pure:
 * it only adds named nodes.
 */
public final class AnomalyTopology {
  private AnomalyTopology() {}

  public static void define(StreamsBuilder builder, AnomalyTopics topics, AnomalyRules rules) {
    AlertStores stores = AlertStores.NAMES;
    builder.addStateStore(stores.alertStore(topics.alerts().valueSerde()));
    builder.addStateStore(stores.openIncidentStore());
    builder.addStateStore(stores.stormParentStore());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(StormMembersProcessor.STORE),
            Serdes.String(),
            Serdes.String()));
    List<KStream<String, Evidence>> attestationHits = new ArrayList<>();
    KStream<String, Alert> fromOccurrences =
        incidents(builder, topics, rules, attestationHits::add)
            .process(
                () -> new IncidentProcessor(rules.alerts(), stores),
                Named.as("anomaly-incident-processor"),
                stores.alerts(),
                stores.openIncidents(),
                stores.stormParents());
    KStream<String, Alert> fromCommands =
        commands(builder, topics, rules)
            .process(
                () -> new CommandProcessor(stores),
                Named.as("anomaly-command-processor"),
                stores.alerts(),
                stores.openIncidents());
    // Per-device alerts of a spike incident link to it: every serial its cohort's window counted is
    // paired with the spike by cohort, then the link moves to the device incident's own task.
    KStream<String, Alert> fromLinks =
        fromOccurrences
            .flatMap((alertId, alert) -> StormLinks.spike(alert), Named.as("anomaly-storm-spikes"))
            .merge(
                attestationHits
                    .get(0)
                    .map(StormLinks::hit, Named.as("anomaly-storm-hits"))
                    .filter((cohort, serial) -> serial != null, Named.as("anomaly-storm-serials")),
                Named.as("anomaly-storm-members-in"))
            .repartition(
                Repartitioned.with(Serdes.String(), Serdes.String())
                    .withName("anomaly-storm-members"))
            .process(
                () -> new StormMembersProcessor(rules.attestationSpike()),
                Named.as("anomaly-storm-links"),
                StormMembersProcessor.STORE)
            .repartition(
                Repartitioned.with(Serdes.String(), Serdes.String())
                    .withName("anomaly-incident-links")
                    .withNumberOfPartitions(rules.incidentPartitions()))
            .process(
                () -> new LinkProcessor(stores),
                Named.as("anomaly-link-processor"),
                stores.alerts(),
                stores.openIncidents(),
                stores.stormParents());
    fromOccurrences
        .merge(fromCommands, Named.as("anomaly-alert-changes"))
        .merge(fromLinks, Named.as("anomaly-alert-links"))
        .to(
            topics.alerts().name(),
            Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                .withName("anomaly-alerts-sink"));
  }

  // Each occurrence travels as the alert it would open on its own, keyed by its incident.
  // The attestation hits the spikes count go to attestationHits too, for the storm links.
  private static KStream<String, Alert> incidents(
      StreamsBuilder builder,
      AnomalyTopics topics,
      AnomalyRules rules,
      Consumer<KStream<String, Evidence>> attestationHits) {
    KStream<String, Occurrence> violations =
        builder.stream(
                topics.violations().name(),
                Consumed.with(topics.violations().keySerde(), topics.violations().valueSerde())
                    .withName("anomaly-violations-source"))
            .mapValues(Occurrence::of, Named.as("anomaly-violation-occurrences"));
    KStream<String, VerifiedEvent> events =
        builder.stream(
            topics.events().name(),
            Consumed.with(topics.events().keySerde(), topics.events().valueSerde())
                .withName("anomaly-events-source"));
    KStream<String, Occurrence> stale = StaleTopology.define(builder, events, rules.stale());
    SpikeSources.Spikes spikes = SpikeSources.define(builder, events, topics, rules);
    attestationHits.accept(spikes.attestationHits());
    // Spikes come as alerts already: the fold that regroups them by window has made them so.
    return violations
        .merge(stale, Named.as("anomaly-occurrences"))
        .map(
            (key, o) -> KeyValue.pair(o.key().value(), Alerts.open(o, rules.alerts())),
            Named.as("anomaly-occurrence-alerts"))
        .merge(spikes.alerts(), Named.as("anomaly-spike-occurrences"))
        .repartition(
            Repartitioned.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
                .withName("anomaly-incidents")
                .withNumberOfPartitions(rules.incidentPartitions()));
  }

  private static KStream<String, AlertCommand> commands(
      StreamsBuilder builder, AnomalyTopics topics, AnomalyRules rules) {
    return builder.stream(
            topics.commands().name(),
            Consumed.with(topics.commands().keySerde(), topics.commands().valueSerde())
                .withName("anomaly-commands-source"))
        // A record without a value (a tombstone) is no command; the value names its alert.
        .filter((alertId, command) -> command != null, Named.as("anomaly-commands-complete"))
        .selectKey(
            (alertId, command) -> CommandProcessor.incidentOf(command.getAlertId()),
            Named.as("anomaly-commands-by-incident"))
        .repartition(
            Repartitioned.with(topics.commands().keySerde(), topics.commands().valueSerde())
                .withName("anomaly-incident-commands")
                .withNumberOfPartitions(rules.incidentPartitions()));
  }
}
