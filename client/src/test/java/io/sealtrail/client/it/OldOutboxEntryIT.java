package io.sealtrail.client.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.client.Outcome;
import io.sealtrail.client.SealtrailClient;
import io.sealtrail.client.TestKeys;
import io.sealtrail.client.event.CustodyEvent;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.request.SignedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outbox entry older than the client's max age against the real platform (ADR 11): the client
 * asks whether its event was recorded and resends only what was not. The max age is a millisecond
 * here so that every stored entry is "old" without touching any clock.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OldOutboxEntryIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  @TempDir Path outbox;
  @TempDir Path otherOutbox;
  private final Signer key = TestKeys.newKey();

  @Test
  void shouldResendOnlyTheOldEntriesThePlatformHasNotRecorded() throws Exception {
    Instant occurred = Instant.now().minus(1, ChronoUnit.MINUTES);
    CustodyEvent recorded = TestKeys.seal(IngestPlatform.PARTNER, "old-recorded", occurred);
    CustodyEvent lost = TestKeys.seal(IngestPlatform.PARTNER, "old-lost", occurred);
    try (var platform =
        new IngestPlatform(KAFKA.bootstrapServers(), EmbeddedKafka.uniqueName("oldentry"))) {
      try (var offline = client(platform, outbox, Duration.ofMillis(1))) {
        assertThat(offline.submitEvents(List.of(recorded, lost)))
            .allMatch(o -> o instanceof Outcome.Pending);
      }
      platform.start(key);
      // The platform got the first event some other way (say, the answer to it was lost): the same
      // signed bytes, as Ed25519 signatures are deterministic.
      Outcome.Accepted first;
      try (var other = client(platform, otherOutbox, Duration.ofDays(6))) {
        first = (Outcome.Accepted) other.submit(recorded);
      }
      Thread.sleep(5); // both entries are now older than the max age

      List<Outcome> flushed;
      try (var reopened = client(platform, outbox, Duration.ofMillis(1))) {
        flushed = reopened.flush();
        assertThat(reopened.pending()).isZero();
      }

      assertThat(flushed).hasSize(2);
      assertThat(flushed.get(0))
          .isEqualTo(new Outcome.Duplicate("old-recorded", first.partition(), first.offset()));
      assertThat(flushed.get(1)).isInstanceOf(Outcome.Accepted.class);
      assertThat(platform.committedEventIds())
          .containsExactlyInAnyOrder("old-recorded", "old-lost");
      // The recorded one was asked about, not sent: its only outcome is the first acceptance.
      assertThat(statusesOf(platform.url(), "old-recorded")).containsExactly("accepted");
      assertThat(statusesOf(platform.url(), "old-lost")).containsExactly("accepted");
    }
  }

  private SealtrailClient client(IngestPlatform platform, Path dir, Duration maxAge)
      throws java.io.IOException {
    return SealtrailClient.builder(platform.url())
        .signer(key)
        .outbox(dir)
        .retry(OfflinePartnerIT.QUICK)
        .maxAge(maxAge)
        .resendInterval(Duration.ZERO)
        .build();
  }

  /** The statuses of the partner's outcomes for {@code eventId}, read as the partner would. */
  private List<String> statusesOf(URI platform, String eventId) throws Exception {
    String path = "/v1/partners/" + IngestPlatform.PARTNER + "/outcomes?limit=1000";
    String authorization =
        SignedRequest.authorization(
            new SignedRequest.Claim("GET", path, Instant.now(), null), List.of(key));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(platform.resolve(path))
                    .header("Authorization", authorization)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> statuses = new ArrayList<>();
    for (JsonNode outcome : new ObjectMapper().readTree(response.body()).get("outcomes")) {
      if (eventId.equals(outcome.path("eventId").asText())) {
        statuses.add(outcome.get("status").asText());
      }
    }
    return statuses;
  }
}
