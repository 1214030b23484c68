package io.sealtrail.ingest.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The partition key that brings every submission of one partner, and so of each of its events, to
 * one dedup owner in the order sent.
 */
class RoutingKeyTest {
  private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
  private static final String KEYID = "ab".repeat(32);

  @Test
  void shouldKeyByPartnerWhenPayloadNamesIt() {
    String event = "{\"eventId\":\"ev-9\",\"partnerId\":\"acme\",\"subject\":\"DEV-1\"}";

    String key = RoutingKey.of(submission(envelope(base64(event))));

    assertThat(key).isEqualTo("acme");
  }

  @Test
  void shouldKeyByFirstKeyIdWhenPayloadIsNotBase64() {
    String key = RoutingKey.of(submission(envelope("%%%")));

    assertThat(key).isEqualTo(KEYID);
  }

  @Test
  void shouldKeyByFirstKeyIdWhenPayloadLacksThePartnerId() {
    String key = RoutingKey.of(submission(envelope(base64("{\"eventId\":\"ev-9\"}"))));

    assertThat(key).isEqualTo(KEYID);
  }

  @Test
  void shouldKeyBySubmissionIdWhenEnvelopeIsNotJson() {
    Submission submission = submission("garbage".getBytes(StandardCharsets.UTF_8));

    String key = RoutingKey.of(submission);

    assertThat(key).isEqualTo("sub-1");
  }

  private static Submission submission(byte[] envelope) {
    return new Submission("sub-1", envelope, Channel.HTTP, T0, null);
  }

  private static byte[] envelope(String payload) {
    String json =
        "{\"payloadType\":\"application/vnd.sealtrail.event+json\",\"payload\":\""
            + payload
            + "\",\"signatures\":[{\"keyid\":\""
            + KEYID
            + "\",\"sig\":\"AA==\"}]}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String base64(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
