package io.sealtrail.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.client.Outcome;
import io.sealtrail.client.SealtrailClient;
import io.sealtrail.client.TestKeys;
import io.sealtrail.client.event.CustodyEvent;
import io.sealtrail.client.http.RetryPolicy;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.trust.crypto.Signer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner that starts submitting before the platform is up: everything waits in the outbox, and
 * once the real ingest service answers, each event reaches custody.events exactly once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OfflinePartnerIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  static final RetryPolicy QUICK =
      new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200));

  @TempDir Path outbox;
  private final Signer key = TestKeys.newKey();

  @Test
  void shouldDeliverEveryEventExactlyOnceWhenThePlatformStartsAfterThePartner() throws Exception {
    Instant occurred = Instant.now().minus(1, ChronoUnit.MINUTES);
    List<CustodyEvent> events =
        IntStream.rangeClosed(1, 6)
            .mapToObj(i -> TestKeys.seal(IngestPlatform.PARTNER, "off-" + i, occurred))
            .toList();
    try (var platform =
            new IngestPlatform(KAFKA.bootstrapServers(), EmbeddedKafka.uniqueName("offline"));
        var client = client(platform)) {
      List<Outcome> offline = client.submitEvents(events.subList(0, 4));
      offline.addAll(List.of(client.submit(events.get(4)), client.submit(events.get(5))));
      assertThat(offline).allMatch(o -> o instanceof Outcome.Pending);
      assertThat(client.pending()).isEqualTo(6);
      assertThat(Files.list(outbox).filter(f -> f.toString().endsWith(".envelope"))).hasSize(6);

      platform.start(key);
      List<Outcome> delivered = client.flush();
      Outcome again = client.submit(events.get(0));

      assertThat(delivered)
          .extracting(Outcome::eventId)
          .containsExactly("off-1", "off-2", "off-3", "off-4", "off-5", "off-6");
      assertThat(delivered).allMatch(o -> o instanceof Outcome.Accepted);
      assertThat(again).isInstanceOf(Outcome.Duplicate.class);
      assertThat(client.pending()).isZero();
      assertThat(platform.committedEventIds())
          .containsExactlyInAnyOrder("off-1", "off-2", "off-3", "off-4", "off-5", "off-6");
    }
  }

  private SealtrailClient client(IngestPlatform platform) throws java.io.IOException {
    return SealtrailClient.builder(platform.url())
        .signer(key)
        .outbox(outbox)
        .retry(QUICK)
        .resendInterval(Duration.ZERO)
        .build();
  }
}
