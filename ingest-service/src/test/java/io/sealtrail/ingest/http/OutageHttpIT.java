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

/** What a client sees when the broker goes away: 503 with Retry-After, never a false accept. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OutageHttpIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final String JSON = "application/json";
  private final Fixtures fix = new Fixtures();

  @Test
  void shouldAnswer503WithRetryAfterWhenTheBrokerIsStopped() throws Exception {
    var rig =
        new HttpRig(
            KAFKA.bootstrapServers(),
            EmbeddedKafka.uniqueName("outage"),
            fix.all(),
            Map.of(
                "sealtrail.http.directory-max-age", "PT2S", "sealtrail.http.retry-after", "PT7S"));
    var before = rig.postEvents(JSON, signed(seal("out-1", "acme", "S-1"), fix.acmeKey));
    assertThat(before.status()).isEqualTo(202);
    List<String> stored = rig.events().stream().map(e -> e.getEvent().getEventId()).toList();
    KAFKA.stopBrokers();

    var during = rig.postEvents(JSON, signed(seal("out-2", "acme", "S-2"), fix.acmeKey));

    assertThat(during.status()).isEqualTo(503);
    assertThat(during.header("retry-after")).isNotBlank();
    assertThat(during.header("content-type")).startsWith("application/problem+json");
    assertThat(during.body().get("type").asText()).endsWith("/service-unavailable");
    assertThat(stored).containsExactly("out-1");
    var readiness = rig.send("GET", "/health/readiness", JSON, new byte[0], null);
    assertThat(readiness.status()).isEqualTo(503);
    assertThat(readiness.body().get("checks").get("kafka").asText()).isEqualTo("DOWN");
    assertThat(readiness.body().get("reasons").get("kafka").asText())
        .isEqualTo("no broker answered in time");
    rig.close();
  }
}
