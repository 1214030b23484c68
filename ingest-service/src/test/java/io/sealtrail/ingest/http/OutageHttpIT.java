package io.sealtrail.ingest.http;

import static io.sealtrail.ingest.http.Fixtures.seal;
import static io.sealtrail.ingest.http.Fixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.testing.EmbeddedKafka;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a client sees when the broker goes away and comes back: 503 with Retry-After, never a false
 * accept, and after the restart every acknowledged event on custody.events exactly once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OutageHttpIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final String JSON = "application/json";
  private final Fixtures fix = new Fixtures();

  @Test
  void shouldAnswer503WithRetryAfterAndKeepEachAcknowledgedEventOnceWhenTheBrokerRestarts()
      throws Exception {
    try (var rig =
        new HttpRig(
            KAFKA.bootstrapServers(),
            EmbeddedKafka.uniqueName("outage"),
            fix.all(),
            Map.of(
                "sealtrail.http.directory-max-age",
                "PT2S",
                "sealtrail.http.retry-after",
                "PT7S"))) {
      var before = rig.postEvents(JSON, signed(seal("out-1", "acme", "S-1"), fix.acmeKey));
      byte[] duringOutage = signed(seal("out-2", "acme", "S-2"), fix.acmeKey);
      KAFKA.stopBrokers();

      var during = rig.postEvents(JSON, duringOutage);
      var readiness = rig.send("GET", "/health/readiness", JSON, new byte[0], null);
      KAFKA.startBrokers();
      var retried = retryWhileUnavailable(rig, duringOutage);
      var after = rig.postEvents(JSON, signed(seal("out-3", "acme", "S-3"), fix.acmeKey));

      assertThat(before.status()).isEqualTo(202);
      assertThat(during.status()).isEqualTo(503);
      // The configured sealtrail.http.retry-after, whether Kafka or the partner directory failed.
      assertThat(during.header("retry-after")).isEqualTo("7");
      assertThat(during.header("content-type")).startsWith("application/problem+json");
      assertThat(during.body().get("type").asText()).endsWith("/service-unavailable");
      assertThat(readiness.status()).isEqualTo(503);
      assertThat(readiness.body().get("checks").get("kafka").asText()).isEqualTo("DOWN");
      assertThat(readiness.body().get("reasons").get("kafka").asText())
          .isEqualTo("no broker answered in time");
      assertThat(status(retried)).isIn("accepted", "duplicate");
      assertThat(status(after)).isEqualTo("accepted");
      List<String> stored = rig.events().stream().map(e -> e.getEvent().getEventId()).toList();
      assertThat(stored).containsExactlyInAnyOrder("out-1", "out-2", "out-3");
    }
  }

  /** What a client does after a 503: wait the Retry-After it was given, resend the same bytes. */
  private static HttpRig.Answer retryWhileUnavailable(HttpRig rig, byte[] envelope)
      throws Exception {
    var answer = rig.postEvents(JSON, envelope);
    while (answer.status() == 503) {
      TimeUnit.SECONDS.sleep(Long.parseLong(answer.header("retry-after")));
      answer = rig.postEvents(JSON, envelope);
    }
    return answer;
  }

  private static String status(HttpRig.Answer answer) {
    return answer.body().get("results").get(0).get("status").asText();
  }
}
