package io.sealtrail.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.submission.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway when no broker answers (a bounded, dedicated failure the HTTP layer maps to 503), and
 * its size limit.
 */
class KafkaSubmissionGatewayTest {
  private static final Duration BOUND = Duration.ofSeconds(1);

  private final KafkaSubmissionGateway gateway =
      new KafkaSubmissionGateway(
          IngestConfig.from(
              Map.of(
                  "bootstrap.servers",
                  "localhost:1", // nothing listens on port 1
                  "schema.registry.url",
                  "mock://test",
                  "sealtrail.ingest.instance-id",
                  "test",
                  "sealtrail.ingest.kafka-timeout",
                  BOUND.toString())));

  @AfterEach
  void closeGateway() throws InterruptedException {
    gateway.close();
  }

  @Test
  void shouldFailWithKafkaUnavailableWhenNoBrokerTakesTheSubmission() {
    var submission = Submission.http(new byte[] {'{', '}'}, Instant.now(), null);

    var result = gateway.submit(submission);

    assertThat(result)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(
            KafkaUnavailableException.class, e -> assertThat(e.retryAfter()).isPositive());
  }

  @Test
  void shouldRefuseToStartWhenNoBrokerAnswers() {
    assertThatThrownBy(gateway::start)
        .isInstanceOf(KafkaUnavailableException.class)
        .hasMessageContaining("replies");
  }

  @Test
  void shouldRefuseTheSubmissionWhenTheEnvelopeIsTooLarge() {
    byte[] huge = new byte[KafkaSubmissionGateway.MAX_ENVELOPE_BYTES + 1];

    assertThatThrownBy(() -> gateway.submit(Submission.http(huge, Instant.now(), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void shouldFailAtOnceWhenRepliesCanNoLongerBeFollowed() {
    assertThatThrownBy(gateway::start).isInstanceOf(KafkaUnavailableException.class);
    assertThat(gateway.stopped()).failsWithin(Duration.ofSeconds(10));

    var result = gateway.submit(Submission.http(new byte[] {'{', '}'}, Instant.now(), null));

    assertThat(result).isCompletedExceptionally();
    assertThatThrownBy(result::join).hasCauseInstanceOf(KafkaUnavailableException.class);
  }
}
