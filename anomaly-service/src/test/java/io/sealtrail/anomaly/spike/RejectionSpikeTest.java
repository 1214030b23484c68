package io.sealtrail.anomaly.spike;

import static io.sealtrail.anomaly.fixtures.Rejections.rejected;
import static io.sealtrail.anomaly.fixtures.Rejections.rejectedOfType;
import static io.sealtrail.avro.common.RejectionReason.BAD_SIGNATURE;
import static io.sealtrail.avro.common.RejectionReason.UNKNOWN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.fixtures.AnomalyDriver;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.SubjectKind;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.RejectionReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RejectionSpikeTest {
  /** The hour-long window [H0, H0 + 1 h). */
  private static final Instant H0 = Instant.parse("2026-05-01T08:00:00Z");

  /** Late enough that the window has closed, grace included. */
  private static final Instant AFTER_GRACE = H0.plus(Duration.ofMinutes(70));

  private final AnomalyDriver driver = new AnomalyDriver();

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void shouldRaiseOneKeyAlertListingPartnerAndSiteWhenPartnerBurstsBadSignatures() {
    burst(BAD_SIGNATURE, "acme", "key-7", 8);

    driver.send(rejected(BAD_SIGNATURE, "tick", "key-t", "site-9", AFTER_GRACE));
    driver.spikesSettle();

    List<KeyValue<String, Alert>> alerts = driver.alerts();
    assertThat(alerts)
        .extracting(kv -> kv.value.getSubject().getKind() + " " + kv.value.getSubject().getId())
        .containsExactly("KEY key-7");
    Alert alert = alerts.get(0).value;
    assertThat(alert.getAttributes()).containsEntry("alsoSpiking", "partner:acme,site:site-1");
    assertThat(alert.getType()).isEqualTo(AlertType.REJECTION_SPIKE);
    assertThat(alert.getAttributes())
        .containsEntry("count", "8")
        .containsEntry("threshold", "5")
        .containsEntry("baseline", "0.00");
    assertThat(alert.getEvidence()).hasSize(8);
    assertThat(alert.getEvidence().get(0).getNote()).isEqualTo("BAD_SIGNATURE");
    assertThat(alert.getEvidence().get(0).getPayloadSha256()).hasSize(64);
    assertThat(alert.getLinks())
        .containsExactly(
            "/v1/spikes/rejection/cohorts/key/key-7/series",
            "/v1/spikes/rejection/cohorts/partner/acme/series",
            "/v1/spikes/rejection/cohorts/site/site-1/series");
  }

  @Test
  void shouldCountByKeyWhenNoPartnerIsClaimed() {
    burst(UNKNOWN_KEY, null, "key-x", 6);

    driver.send(rejected(BAD_SIGNATURE, "tick", "key-t", "site-9", AFTER_GRACE));
    driver.spikesSettle();

    List<KeyValue<String, Alert>> alerts = driver.alerts();
    assertThat(alerts)
        .extracting(kv -> kv.value.getSubject().getKind())
        .containsExactly(SubjectKind.KEY);
    assertThat(AnomalyDriver.about(alerts, "key-x").get(0).getAttributes())
        .containsEntry("key", "key-x");
  }

  @Test
  void shouldRaiseNothingWhenRejectionsAreScatteredOverPartners() {
    for (int p = 1; p <= 6; p++) {
      driver.send(
          rejected(
              BAD_SIGNATURE, "partner-" + p, "key-" + p, "site-" + p, H0.plusSeconds(60L * p)));
    }

    driver.send(rejected(BAD_SIGNATURE, "tick", "key-t", "site-9", AFTER_GRACE));
    driver.spikesSettle();

    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void shouldRaiseAnEventTypeAlertWhenRejectionsOfOneTypeComeFromEverywhere() {
    for (int p = 1; p <= 6; p++) {
      driver.send(
          rejectedOfType(
              "FIRMWARE_RELEASED",
              "partner-" + p,
              "key-" + p,
              "site-" + p,
              H0.plusSeconds(60L * p)));
    }

    driver.send(rejected(BAD_SIGNATURE, "tick", "key-t", "site-9", AFTER_GRACE));
    driver.spikesSettle();

    List<KeyValue<String, Alert>> alerts = driver.alerts();
    assertThat(alerts)
        .extracting(kv -> kv.value.getSubject().getId())
        .containsExactly("eventType=FIRMWARE_RELEASED");
    assertThat(alerts.get(0).value.getType()).isEqualTo(AlertType.REJECTION_SPIKE);
    assertThat(alerts.get(0).value.getAttributes())
        .containsEntry("eventType", "FIRMWARE_RELEASED")
        .containsEntry("count", "6");
    assertThat(alerts.get(0).value.getLinks())
        .startsWith("/v1/spikes/rejection/cohorts/eventType/FIRMWARE_RELEASED/series");
  }

  @Test
  void shouldRaiseNothingWhenRejectionsAreScatteredOverEventTypes() {
    List<String> types =
        List.of("SHIPPED", "RECEIVED", "SCANNED", "PACKED", "ATTESTED", "SEAL_APPLIED");
    for (int p = 1; p <= 6; p++) {
      driver.send(
          rejectedOfType(
              types.get(p - 1), "partner-" + p, "key-" + p, "site-" + p, H0.plusSeconds(60L * p)));
    }

    driver.send(rejected(BAD_SIGNATURE, "tick", "key-t", "site-9", AFTER_GRACE));
    driver.spikesSettle();

    assertThat(driver.alerts()).isEmpty();
  }

  @Test
  void shouldRaiseNothingWhenQuietPartnerIsRejectedOnce() {
    driver.send(rejected(UNKNOWN_KEY, "quiet", "key-q", "site-1", H0.plusSeconds(60)));

    driver.send(rejected(BAD_SIGNATURE, "tick", "key-t", "site-9", AFTER_GRACE));
    driver.spikesSettle();

    assertThat(driver.alerts()).isEmpty();
  }

  private void burst(RejectionReason reason, String partner, String keyId, int count) {
    for (int i = 0; i < count; i++) {
      driver.send(rejected(reason, partner, keyId, "site-1", H0.plus(Duration.ofMinutes(10 + i))));
    }
  }
}
