package io.sealtrail.anomaly.spike;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.AnomalyConfig;
import io.sealtrail.anomaly.AnomalyTopics;
import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.alert.Alerts;
import io.sealtrail.anomaly.topology.AnomalyRules;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.registry.client.MockRegistries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fold after a restart: a new processor over the same stores, as a restarted task has once its
 * changelogs are restored, still knows what was pending and since when.
 */
class SpikeFoldRestartTest {
  private static final SpikeKind KIND = AnomalyRules.defaults().attestationSpikeKind();
  private static final Instant H0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final Instant H1 = H0.plus(Duration.ofHours(1));
  private static final Instant FAR_AHEAD = H1.plus(Duration.ofHours(2));

  /** The wall clock when the spike reached the fold, and just after its wall settle. */
  private static final Instant ARRIVED = Instant.parse("2026-06-01T00:00:00Z");

  private static final Instant SETTLED = ARRIVED.plus(KIND.rules().wallSettle());

  private final String scope = "fold-restart-" + UUID.randomUUID();
  private final Serde<Alert> alerts =
      AnomalyTopics.from(
              AnomalyConfig.from(Map.of()),
              Map.of(AnomalyConfig.SCHEMA_REGISTRY_URL, "mock://" + scope))
          .alerts()
          .valueSerde();
  private final KeyValueStore<String, PendingWindow> pending =
      Stores.keyValueStoreBuilder(
              Stores.inMemoryKeyValueStore(SpikeStores.pending(KIND)),
              Serdes.String(),
              PendingWindow.serde(alerts))
          .withLoggingDisabled()
          .build();
  private final Serde<List<Alert>> spikes = Serdes.ListSerde(ArrayList.class, alerts);
  private final KeyValueStore<String, List<Alert>> folded =
      Stores.keyValueStoreBuilder(
              Stores.inMemoryKeyValueStore(SpikeStores.folded(KIND)), Serdes.String(), spikes)
          .withLoggingDisabled()
          .build();

  @AfterEach
  void close() {
    MockRegistries.drop(scope);
  }

  @Test
  void shouldFoldSpikesPendingBeforeRestartWhenTheWallSettleSinceTheirArrivalHasPassed() {
    MockProcessorContext<String, Alert> before = context(ARRIVED);
    SpikeFoldProcessor beforeRestart = started(before);
    beforeRestart.process(
        new Record<>(SpikeWindows.key(H1.toEpochMilli()), List.of(siteSpike()), H1.toEpochMilli()));
    beforeRestart.process(new Record<>(SpikeWindows.TICK, List.of(), FAR_AHEAD.toEpochMilli()));

    MockProcessorContext<String, Alert> after = context(SETTLED);
    after.setCurrentStreamTimeMs(FAR_AHEAD.toEpochMilli());
    started(after);
    after.scheduledPunctuators().get(0).getPunctuator().punctuate(SETTLED.toEpochMilli());

    assertThat(before.forwarded()).isEmpty();
    assertThat(after.forwarded())
        .extracting(forwarded -> forwarded.record().value().getSubject().getId())
        .containsExactly("site-1");
  }

  private MockProcessorContext<String, Alert> context(Instant wallClock) {
    MockProcessorContext<String, Alert> context = new MockProcessorContext<>();
    context.setCurrentSystemTimeMs(wallClock.toEpochMilli());
    pending.init(context.getStateStoreContext(), pending);
    folded.init(context.getStateStoreContext(), folded);
    context.addStateStore(pending);
    context.addStateStore(folded);
    return context;
  }

  private static SpikeFoldProcessor started(MockProcessorContext<String, Alert> context) {
    SpikeFoldProcessor fold = new SpikeFoldProcessor(KIND);
    fold.init(context);
    return fold;
  }

  private static Alert siteSpike() {
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Instant at = H0.plus(Duration.ofMinutes(10 + i));
      evidence.add(new Evidence("ATTESTED-DEV-" + i, "factory-a", "sha", "DEV-" + i, at, null));
    }
    SeriesWindow judged = new SeriesWindow(H0.toEpochMilli(), H1.toEpochMilli(), 8, 1.0, 5);
    return Alerts.open(
        KIND.occurrence(Cohort.parse("site=site-1"), judged, evidence),
        new AlertRules(KIND.maxEvidence()));
  }
}
