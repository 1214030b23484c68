package io.sealtrail.ingest.http;

import static io.sealtrail.ingest.http.Fixtures.seal;
import static io.sealtrail.ingest.http.Fixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code /prometheus} shows after real submissions: outcomes per reason and per registered
 * partner (a claimed id nobody registered is {@code unknown}), verification time, Kafka send
 * latency per topic.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MetricsHttpIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final String JSON = "application/json";
  private final Fixtures fix = new Fixtures();

  @Test
  void shouldCountOutcomesPerPartnerAndReasonAndTimeVerificationAndKafkaSends() throws Exception {
    String name = EmbeddedKafka.uniqueName("metrics");
    try (var rig = new HttpRig(KAFKA.bootstrapServers(), name, fix.all(), Map.of())) {
      byte[] good = signed(seal("m-1", "acme", "S-1"), fix.acmeKey);
      assertThat(rig.postEvents(JSON, good).status()).isEqualTo(202);
      assertThat(rig.postEvents(JSON, good).status()).isEqualTo(202);
      // A release manager may not report seals; a stranger claims an id nobody registered.
      assertThat(rig.postEvents(JSON, signed(seal("m-2", "rm", "S-2"), fix.releaseKey)).status())
          .isEqualTo(422);
      assertThat(
              rig.postEvents(JSON, signed(seal("m-3", "mallory-7", "S-3"), fix.strangerKey))
                  .status())
          .isEqualTo(422);

      String scrape =
          Eventually.await(
              () -> text(rig),
              s ->
                  PrometheusText.value(s, "sealtrail_ingest_outcomes_total", "partner", "unknown")
                      == 1,
              "every outcome counted");

      assertThat(outcomes(scrape, "accepted", "acme", "none")).isEqualTo(1);
      assertThat(outcomes(scrape, "duplicate", "acme", "none")).isEqualTo(1);
      assertThat(outcomes(scrape, "rejected", "rm", "ROLE_NOT_ALLOWED")).isEqualTo(1);
      assertThat(outcomes(scrape, "rejected", "unknown", "UNKNOWN_KEY")).isEqualTo(1);
      assertThat(scrape).doesNotContain("mallory-7");
      assertThat(PrometheusText.value(scrape, "sealtrail_ingest_verification_seconds_count"))
          .isEqualTo(4);
      assertThat(PrometheusText.value(scrape, "sealtrail_ingest_verification_seconds_sum"))
          .isPositive();
      String topics = name + ".custody.";
      assertThat(acknowledged(scrape, topics + "ingest.submissions")).isEqualTo(4);
      assertThat(acknowledged(scrape, topics + "events")).isEqualTo(1);
      assertThat(acknowledged(scrape, topics + "rejected")).isEqualTo(2);
    }
  }

  private static double outcomes(String scrape, String outcome, String partner, String reason) {
    return PrometheusText.value(
        scrape,
        "sealtrail_ingest_outcomes_total",
        "outcome",
        outcome,
        "partner",
        partner,
        "reason",
        reason);
  }

  private static double acknowledged(String scrape, String topic) {
    return PrometheusText.value(
        scrape,
        "sealtrail_ingest_kafka_send_seconds_count",
        "topic",
        topic,
        "result",
        "acknowledged");
  }

  private static String text(HttpRig rig) {
    try {
      return rig.metrics();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
