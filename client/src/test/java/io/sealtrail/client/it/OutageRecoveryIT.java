package io.sealtrail.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.client.Outcome;
import io.sealtrail.client.SealtrailClient;
import io.sealtrail.client.TestKeys;
import io.sealtrail.client.event.CustodyEvent;
import io.sealtrail.client.http.RetryPolicy;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import io.sealtrail.trust.crypto.Signer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away under a running ingest service (503 with Retry-After) and comes back: the
 * client's background sender resends the same envelopes and custody.events holds each event once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OutageRecoveryIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  @TempDir Path outbox;
  private final Signer key = TestKeys.newKey();
  private final List<Outcome> heard = new CopyOnWriteArrayList<>();

  @Test
  void shouldAddNoDuplicateDownstreamWhenA503IsFollowedByRecovery() throws Exception {
    Instant occurred = Instant.now().minus(1, ChronoUnit.MINUTES);
    try (var platform =
        new IngestPlatform(KAFKA.bootstrapServers(), EmbeddedKafka.uniqueName("outage"))) {
      platform.start(key);
      try (SealtrailClient client = client(platform)) {
        assertThat(client.submit(event("up-1", occurred))).isInstanceOf(Outcome.Accepted.class);
        KAFKA.stopBrokers();

        Outcome during = client.submit(event("down-1", occurred));
        Outcome next = client.submit(event("down-2", occurred));
        KAFKA.startBrokers();
        Eventually.await(client::pending, n -> n == 0, "the background sender emptied the outbox");

        assertThat(during).isInstanceOf(Outcome.Pending.class);
        assertThat(((Outcome.Pending) during).why()).contains("503");
        assertThat(next).isInstanceOf(Outcome.Pending.class);
        assertThat(heard)
            .extracting(Outcome::eventId)
            .containsSubsequence("up-1", "down-1", "down-2");
        assertThat(heard).allMatch(Outcome::stored);
      }
      assertThat(platform.committedEventIds())
          .containsExactlyInAnyOrder("up-1", "down-1", "down-2");
    }
  }

  private CustodyEvent event(String eventId, Instant occurred) {
    return TestKeys.seal(IngestPlatform.PARTNER, eventId, occurred);
  }

  private SealtrailClient client(IngestPlatform platform) throws java.io.IOException {
    return SealtrailClient.builder(platform.url())
        .signer(key)
        .outbox(outbox)
        // One attempt per send: each 503 costs the service's Kafka timeout; the background sender
        // retries.
        .retry(RetryPolicy.NONE)
        .resendInterval(Duration.ofMillis(500))
        .requestTimeout(Duration.ofSeconds(20))
        .listener(
            new io.sealtrail.client.OutcomeListener() {
              @Override
              public void settled(Outcome outcome) {
                heard.add(outcome);
              }
            })
        .build();
  }
}
