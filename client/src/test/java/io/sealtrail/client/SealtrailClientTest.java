package io.sealtrail.client;

import static io.sealtrail.client.TestKeys.OCCURRED;
import static io.sealtrail.client.TestKeys.seal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.client.http.PlatformUnavailableException;
import io.sealtrail.client.http.RetryPolicy;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.request.SignedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's delivery rules against a scripted HTTP server: retries, rejections, the outbox. */
class SealtrailClientTest {
  private static final RetryPolicy THREE_TRIES =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1));

  private static final Instant STORED = Instant.parse("2026-11-01T08:00:00Z");

  @TempDir Path outbox;
  private final Signer key = TestKeys.newKey();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<Outcome> heard = new CopyOnWriteArrayList<>();
  private final FakePlatform platform = new FakePlatform();

  SealtrailClientTest() throws IOException {}

  @AfterEach
  void stop() {
    platform.close();
  }

  private SealtrailClient client(URI url) throws IOException {
    return client(url, Clock.systemUTC());
  }

  private SealtrailClient client(URI url, Clock clock) throws IOException {
    return SealtrailClient.builder(url)
        .clock(clock)
        .signer(key)
        .outbox(outbox)
        .retry(THREE_TRIES)
        .resendInterval(Duration.ZERO)
        .sleeper(waits::add)
        .listener(
            new OutcomeListener() {
              @Override
              public void settled(Outcome outcome) {
                heard.add(outcome);
              }
            })
        .build();
  }

  @Test
  void shouldNumberAStreamDurablyAcrossClientsOfTheSameOutbox() throws Exception {
    platform.thenAccepted().thenAccepted().thenAccepted();
    try (var client = client(platform.url())) {
      client.stream("line-1").submit(sealBuilder("s-1"));
      client.stream("line-1").submit(sealBuilder("s-2"));
    }
    try (var client = client(platform.url())) {
      client.stream("line-1").submit(sealBuilder("s-3"));
    }

    assertThat(platform.requests())
        .extracting(lines -> payloadOf(lines.get(0)))
        .satisfiesExactly(
            p -> assertThat(p).contains("\"stream\":\"line-1\",\"sequence\":0"),
            p -> assertThat(p).contains("\"stream\":\"line-1\",\"sequence\":1"),
            p -> assertThat(p).contains("\"stream\":\"line-1\",\"sequence\":2"));
  }

  @Test
  void shouldRefuseAStreamNameTheContractRefuses() throws Exception {
    try (var client = client(platform.url())) {
      assertThatThrownBy(() -> client.stream("a\nb")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.stream("s".repeat(129)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldKeepTheReceiptOfAnAcceptedEventNextToTheOutbox() throws Exception {
    platform.then(
        new FakePlatform.Answer(
            202,
            null,
            lines ->
                "{\"results\":[{\"index\":0,\"status\":\"accepted\",\"eventId\":\"r-1\","
                    + "\"partition\":0,\"offset\":7,\"receipt\":{\"leafHash\":\"7Lh9tKA5vnjbpIq6zEV1nw+Gx1dJ0O7vVdpHGNsDtQk=\","
                    + "\"inclusionProof\":\"/v1/log/proof/inclusion?partnerId=acme&eventId=r-1\"}}]}"));
    try (var client = client(platform.url())) {
      Outcome outcome = client.submit(sealBuilder("r-1").build());

      assertThat(outcome)
          .isEqualTo(
              new Outcome.Accepted(
                  "r-1",
                  0,
                  7,
                  new Receipt(
                      "7Lh9tKA5vnjbpIq6zEV1nw+Gx1dJ0O7vVdpHGNsDtQk=",
                      "/v1/log/proof/inclusion?partnerId=acme&eventId=r-1")));
      assertThat(client.receipts().find("acme", "r-1"))
          .hasValueSatisfying(
              kept ->
                  assertThat(kept.receipt().leafHash())
                      .isEqualTo("7Lh9tKA5vnjbpIq6zEV1nw+Gx1dJ0O7vVdpHGNsDtQk="));
      assertThatThrownBy(client::proofs)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("logKey");
    }
  }

  private static io.sealtrail.client.event.CustodyEvent.Builder sealBuilder(String eventId) {
    return io.sealtrail.client.event.CustodyEvent.builder()
        .eventId(eventId)
        .occurredAt(TestKeys.OCCURRED)
        .partnerId("acme")
        .site("factory-1")
        .subject("DEV-" + eventId)
        .detail(new io.sealtrail.client.event.Detail.SealApplied("S-" + eventId));
  }

  private static String payloadOf(String envelopeJson) {
    return new String(
        io.sealtrail.trust.dsse.EnvelopeJson.read(
                envelopeJson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .payload(),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void shouldResendTheSameBytesAndWaitRetryAfterWhenThePlatformAnswers503() throws Exception {
    platform.thenUnavailable("2").thenAccepted();

    try (var client = client(platform.url())) {
      Outcome outcome = client.submit(seal("acme", "ev-1", OCCURRED));

      assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
      assertThat(client.pending()).isZero();
    }
    var requests = platform.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1)).isEqualTo(requests.get(0));
    assertThat(waits).hasSize(1);
    assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void shouldRetryWithGrowingBackoffWhen5xxRepeats() throws Exception {
    platform
        .then(new FakePlatform.Answer(502, null, lines -> "bad gateway"))
        .then(new FakePlatform.Answer(500, null, lines -> "{}"))
        .thenAccepted();

    try (var client = client(platform.url())) {
      assertThat(client.submit(seal("acme", "ev-1", OCCURRED)).stored()).isTrue();
    }
    assertThat(platform.requests()).hasSize(3).allMatch(r -> r.equals(platform.requests().get(0)));
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void shouldReportARejectionWithoutRetryingAndDropItFromTheOutbox() throws Exception {
    platform.thenRejected("ROLE_NOT_ALLOWED", "/type");

    try (var client = client(platform.url())) {
      Outcome outcome = client.submit(seal("acme", "ev-9", OCCURRED));

      assertThat(outcome)
          .isEqualTo(new Outcome.Rejected("ev-9", "ROLE_NOT_ALLOWED", "/type", null, "no"));
      assertThat(client.pending()).isZero();
    }
    assertThat(platform.requests()).hasSize(1);
    assertThat(heard)
        .containsExactly(new Outcome.Rejected("ev-9", "ROLE_NOT_ALLOWED", "/type", null, "no"));
  }

  @Test
  void shouldKeepEventsInTheOutboxAndAnswerPendingWhenNothingListens() throws Exception {
    URI nobody = URI.create("http://localhost:" + freePort());

    try (var client = client(nobody)) {
      Outcome first = client.submit(seal("acme", "ev-1", OCCURRED));
      Outcome second = client.submit(seal("acme", "ev-2", OCCURRED));

      assertThat(first).isInstanceOf(Outcome.Pending.class);
      assertThat(((Outcome.Pending) first).why()).contains("did not answer");
      assertThat(second.settled()).isFalse();
      assertThat(client.pending()).isEqualTo(2);
      assertThatThrownBy(client::flush).isInstanceOf(PlatformUnavailableException.class);
      assertThat(client.pending()).isEqualTo(2);
    }
  }

  @Test
  void shouldResendWhatAPreviousRunLeftInTheOutboxInOrderWhenReopened() throws Exception {
    URI nobody = URI.create("http://localhost:" + freePort());
    List<String> stored = new ArrayList<>();
    try (var offline = client(nobody)) {
      for (String id : List.of("ev-1", "ev-2", "ev-3")) {
        offline.submit(seal("acme", id, OCCURRED));
      }
    }
    // A crash in the middle of the next append leaves its temporary file behind.
    Files.writeString(outbox.resolve("00000000000000000004.tmp"), "half an envelo");
    platform.thenAccepted();

    try (var reopened = client(platform.url())) {
      assertThat(reopened.pending()).isEqualTo(3);
      List<Outcome> outcomes = reopened.flush();

      outcomes.forEach(o -> stored.add(o.eventId()));
      assertThat(reopened.pending()).isZero();
    }
    assertThat(stored).containsExactly("ev-1", "ev-2", "ev-3");
    assertThat(platform.requests()).hasSize(1);
    assertThat(platform.requests().get(0)).hasSize(3);
    assertThat(Files.exists(outbox.resolve("00000000000000000004.tmp"))).isFalse();
  }

  @Test
  void shouldSendEachAloneAndQuarantineTheOneStillRefusedWhenABatchIsRefused() throws Exception {
    platform
        .then(
            new FakePlatform.Answer(413, null, lines -> "{\"type\":\"t\",\"detail\":\"too many\"}"))
        .thenAccepted()
        .then(
            new FakePlatform.Answer(413, null, lines -> "{\"type\":\"t\",\"detail\":\"too big\"}"))
        .thenAccepted();
    List<Outcome> outcomes;

    try (var client = client(platform.url())) {
      outcomes =
          client.submitEvents(
              List.of(
                  seal("acme", "ev-1", OCCURRED),
                  seal("acme", "ev-2", OCCURRED),
                  seal("acme", "ev-3", OCCURRED)));

      assertThat(client.pending()).isZero();
    }
    assertThat(outcomes.get(0)).isInstanceOf(Outcome.Accepted.class);
    assertThat(outcomes.get(2)).isInstanceOf(Outcome.Accepted.class);
    var refused = (Outcome.Refused) outcomes.get(1);
    assertThat(refused.why()).contains("413", "too big");
    assertThat(refused.file()).startsWith(outbox.resolve("quarantine")).exists();
    assertThat(platform.requests()).extracting(List::size).containsExactly(3, 1, 1, 1);
  }

  // The fake platform answers the question "was it recorded?" 404, as one without that route.
  @Test
  void shouldQuarantineWithoutSendingAnEnvelopeOlderThanTheMaxAge() throws Exception {
    storeWhileOffline("ev-old");
    platform.thenAccepted();
    List<Outcome> outcomes;

    try (var client = client(platform.url(), at(STORED.plus(Duration.ofDays(7))))) {
      outcomes = client.flush();

      assertThat(client.pending()).isZero();
    }

    var expired = (Outcome.Expired) outcomes.get(0);
    assertThat(expired.eventId()).isEqualTo("ev-old");
    assertThat(expired.age()).isEqualTo(Duration.ofDays(7));
    assertThat(expired.why()).contains("ev-old", "PT168H", "PT144H");
    assertThat(expired.file()).startsWith(outbox.resolve("quarantine")).exists();
    assertThat(platform.requests()).isEmpty();
  }

  @Test
  void shouldSettleWithoutSendingAnOldEnvelopeThePlatformSaysItRecorded() throws Exception {
    storeWhileOffline("ev-kept");
    platform.recorded("ev-kept", 2, 41);
    List<Outcome> outcomes;

    try (var client = client(platform.url(), at(STORED.plus(Duration.ofDays(7))))) {
      outcomes = client.flush();

      assertThat(client.pending()).isZero();
    }

    assertThat(outcomes).containsExactly(new Outcome.Duplicate("ev-kept", 2, 41));
    assertThat(platform.requests()).as("nothing sent").isEmpty();
    assertThat(heard).contains(new Outcome.Duplicate("ev-kept", 2, 41));
    var lookup = platform.lookups().get(0);
    assertThat(lookup.path()).isEqualTo("/v1/partners/acme/events/ev-kept");
    // The question is signed with the partner's key over exactly this request.
    var envelope = SignedRequest.envelope(lookup.authorization());
    assertThat(key.verifier().verify(envelope.pae(), envelope.signatures().get(0).sig())).isTrue();
    var claim = SignedRequest.claim(envelope.payload());
    assertThat(claim.method()).isEqualTo("GET");
    assertThat(claim.path()).isEqualTo(lookup.path());
    assertThat(claim.nonce()).isNotBlank();
  }

  @Test
  void shouldResendAnOldEnvelopeThePlatformSaysItNeverRecorded() throws Exception {
    storeWhileOffline("ev-lost");
    platform.notRecorded("ev-lost").thenAccepted();

    try (var client = client(platform.url(), at(STORED.plus(Duration.ofDays(7))))) {
      assertThat(client.flush()).singleElement().isInstanceOf(Outcome.Accepted.class);
    }

    assertThat(platform.requests()).hasSize(1);
    assertThat(SignedEnvelope.read(platform.requests().get(0).get(0)).eventId())
        .isEqualTo("ev-lost");
  }

  @Test
  void shouldKeepAnOldEnvelopeWhenThePlatformCannotBeAskedAboutIt() throws Exception {
    storeWhileOffline("ev-wait");
    storeWhileOffline("ev-after");
    platform.lookupUnavailable("ev-wait").thenAccepted();

    try (var client = client(platform.url(), at(STORED.plus(Duration.ofDays(7))))) {
      assertThatThrownBy(client::flush).isInstanceOf(PlatformUnavailableException.class);

      assertThat(client.pending()).isEqualTo(2);
    }
    assertThat(platform.requests()).as("nothing overtakes the unanswered entry").isEmpty();
  }

  @Test
  void shouldSendAnEnvelopeStillWithinTheMaxAgeAfterAReopen() throws Exception {
    storeWhileOffline("ev-young");
    platform.thenAccepted();

    try (var client = client(platform.url(), at(STORED.plus(Duration.ofDays(6))))) {
      assertThat(client.flush()).singleElement().isInstanceOf(Outcome.Accepted.class);
    }
  }

  /** Leaves {@code eventId} in the outbox, stored at {@link #STORED} while nothing listened. */
  private void storeWhileOffline(String eventId) throws IOException {
    try (var offline = client(URI.create("http://localhost:" + freePort()), at(STORED))) {
      offline.submit(seal("acme", eventId, OCCURRED));
    }
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  @Test
  void shouldSendEveryEnvelopeOnceWhenThreadsSubmitTogether() throws Exception {
    for (int i = 0; i < 40; i++) {
      platform.thenAccepted();
    }
    List<Outcome> outcomes = new CopyOnWriteArrayList<>();

    try (var client = client(platform.url())) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        Thread worker =
            new Thread(
                () -> {
                  for (int i = 0; i < 10; i++) {
                    try {
                      outcomes.add(client.submit(seal("acme", "t" + thread + "-" + i, OCCURRED)));
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  }
                });
        worker.start();
        threads.add(worker);
      }
      for (Thread thread : threads) {
        thread.join();
      }

      assertThat(client.pending()).isZero();
    }
    assertThat(outcomes).hasSize(40).allMatch(o -> o instanceof Outcome.Accepted);
    assertThat(outcomes).extracting(Outcome::eventId).doesNotHaveDuplicates();
    List<String> sent = platform.requests().stream().flatMap(List::stream).toList();
    assertThat(sent).hasSize(40).doesNotHaveDuplicates();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
