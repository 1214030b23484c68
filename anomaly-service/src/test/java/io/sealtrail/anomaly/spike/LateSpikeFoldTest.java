package io.sealtrail.anomaly.spike;

import static io.sealtrail.anomaly.fixtures.Attestations.failed;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.alert.Alerts;
import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import io.sealtrail.anomaly.topology.AnomalyRules;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spikes of one window whose cohort tasks do not advance together: the fold waits a wall-clock
 * settle, and a spike that still comes after its window was folded joins the incident it belongs to
 * instead of raising a second alert for the same burst.
 */
class LateSpikeFoldTest {
  private static final SpikeKind KIND = AnomalyRules.defaults().attestationSpikeKind();

  /** The window [H0, H1); its detectors close it at CLOSED (end + grace). */
  private static final Instant H0 = Instant.parse("2026-05-01T08:00:00Z");

  private static final Instant H1 = H0.plus(Duration.ofHours(1));
  private static final Instant CLOSED = H1.plus(KIND.rules().grace());

  /** Where the leading cohort tasks' stream time is when a trailing task's spike arrives. */
  private static final Instant FAR_AHEAD = H1.plus(Duration.ofHours(2));

  private static final String WINDOW = SpikeWindows.key(H1.toEpochMilli());

  private final AnomalyDriver driver = new AnomalyDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldJoinTheRaisedAlertWhenACohortOfTheSameBurstArrivesAfterItsWindowWasFolded() {
    List<Evidence> burst = failures("DEV-", 8);
    foldedInTime(spike("site=site-1", burst), spike("firmware=2.4.1", burst));
    Alert raised = onlyAlert(driver.alerts());

    driver.toFold(KIND, WINDOW, List.of(spike("station=ST-4", burst.subList(0, 6))), CLOSED);
    driver.spikesSettle();

    List<KeyValue<String, Alert>> updates = driver.alerts();
    assertThat(updates).extracting(kv -> kv.key).containsExactly(raised.getAlertId());
    Alert updated = updates.get(0).value;
    assertThat(updated.getAttributes())
        .containsEntry("alsoSpiking", "firmware:2.4.1,station:ST-4")
        .containsEntry("count", "8");
    assertThat(updated.getEvidence())
        .extracting(Evidence::getEventId)
        .containsExactlyElementsOf(
            raised.getEvidence().stream().map(Evidence::getEventId).toList());
    assertThat(updated.getLinks()).contains("/v1/spikes/attestation/cohorts/station/ST-4/series");
    assertThat(updated.getCount()).isEqualTo(2);
  }

  @Test
  void shouldRaiseItsOwnAlertWhenALateSpikeSharesNoEvidenceWithTheFoldedWindow() {
    foldedInTime(spike("site=site-1", failures("DEV-", 8)));
    Alert raised = onlyAlert(driver.alerts());

    driver.toFold(KIND, WINDOW, List.of(spike("station=ST-7", failures("OTHER-", 6))), CLOSED);
    driver.spikesSettle();

    Alert separate = onlyAlert(driver.alerts());
    assertThat(separate.getAlertId()).isNotEqualTo(raised.getAlertId());
    assertThat(separate.getSubject().getId()).isEqualTo("station=ST-7");
    assertThat(separate.getAttributes()).doesNotContainKey("alsoSpiking");
  }

  @Test
  void shouldForgetAFoldedWindowWhenStreamTimeHasPassedItsRetention() {
    List<Evidence> burst = failures("DEV-", 8);
    foldedInTime(spike("site=site-1", burst));
    Alert raised = onlyAlert(driver.alerts());
    Instant forgotten = H1.plus(KIND.rules().foldedRetention()).plusSeconds(1);
    driver.toFold(KIND, SpikeWindows.TICK, List.of(), forgotten);

    driver.toFold(KIND, WINDOW, List.of(spike("station=ST-4", burst.subList(0, 6))), CLOSED);
    driver.spikesSettle();

    Alert alone = onlyAlert(driver.alerts());
    assertThat(alone.getAlertId()).isNotEqualTo(raised.getAlertId());
    assertThat(alone.getSubject().getId()).isEqualTo("station=ST-4");
  }

  @Test
  void shouldNotFoldWindowUntilWallSettleHasPassedSinceItsFirstSpikeArrived() {
    for (int i = 0; i < 8; i++) {
      driver.send(failed("DEV-" + i, "ST-4", H0.plus(Duration.ofMinutes(10 + i))));
    }
    driver.send(failed("DEV-TICK", "ST-9", FAR_AHEAD));
    // The detector judges the window once the settle has passed since its last hit arrived.
    driver.wallClockPasses(KIND.rules().wallSettle());

    driver.wallClockPasses(KIND.rules().wallSettle().minusSeconds(5));
    List<KeyValue<String, Alert>> beforeSettle = driver.alerts();
    driver.wallClockPasses(Duration.ofSeconds(5));

    assertThat(beforeSettle).isEmpty();
    assertThat(onlyAlert(driver.alerts()).getSubject().getId()).isEqualTo("station=ST-4");
  }

  @Test
  void shouldFoldALateSpikeWithTheWindowsWhenItArrivesBeforeTheWallSettle() {
    List<Evidence> burst = failures("DEV-", 8);
    driver.toFold(KIND, WINDOW, List.of(spike("site=site-1", burst)), CLOSED);
    driver.toFold(KIND, SpikeWindows.TICK, List.of(), FAR_AHEAD);
    driver.wallClockPasses(Duration.ofSeconds(5));

    driver.toFold(KIND, WINDOW, List.of(spike("station=ST-4", burst.subList(0, 6))), CLOSED);
    driver.spikesSettle();

    Alert alert = onlyAlert(driver.alerts());
    assertThat(alert.getSubject().getId()).isEqualTo("station=ST-4");
    assertThat(alert.getAttributes()).containsEntry("alsoSpiking", "site:site-1");
  }

  /** The spikes reach the fold together, a leading task's tick passes them and they settle. */
  private void foldedInTime(Alert... spikes) {
    driver.toFold(KIND, WINDOW, List.of(spikes), CLOSED);
    driver.toFold(KIND, SpikeWindows.TICK, List.of(), FAR_AHEAD);
    driver.spikesSettle();
  }

  private static Alert onlyAlert(List<KeyValue<String, Alert>> alerts) {
    assertThat(alerts).hasSize(1);
    return alerts.get(0).value;
  }

  /** The alert {@code cohort}'s spike in [H0, H1) would open, counting {@code evidence}. */
  private static Alert spike(String cohort, List<Evidence> evidence) {
    SeriesWindow judged =
        new SeriesWindow(H0.toEpochMilli(), H1.toEpochMilli(), evidence.size(), 1.0, 5);
    return Alerts.open(
        KIND.occurrence(Cohort.parse(cohort), judged, evidence),
        new AlertRules(KIND.maxEvidence()));
  }

  private static List<Evidence> failures(String serialPrefix, int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i -> {
              String serial = serialPrefix + i;
              Instant at = H0.plus(Duration.ofMinutes(10 + i));
              return new Evidence("ATTESTED-" + serial, "factory-a", "sha", serial, at, null);
            })
        .toList();
  }
}
