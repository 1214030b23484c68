package io.sealtrail.ingest.http;

import static io.sealtrail.ingest.http.Fixtures.NOW;
import static io.sealtrail.ingest.http.Fixtures.OCCURRED;
import static io.sealtrail.ingest.http.Fixtures.event;
import static io.sealtrail.ingest.http.Fixtures.seal;
import static io.sealtrail.ingest.http.Fixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every rejection reason the HTTP door can answer, end to end: a single envelope gets 422. */
class RejectionReasonsHttpIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Fixtures FIX = new Fixtures();
  private static HttpRig rig;

  @BeforeAll
  static void startService() throws Exception {
    rig =
        new HttpRig(
            KAFKA.bootstrapServers(), EmbeddedKafka.uniqueName("reasons"), FIX.all(), Map.of());
  }

  @AfterAll
  static void stopService() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldRejectMalformedEnvelopeWhenPayloadTypeIsNotAString() throws Exception {
    assertRejected("{\"payloadType\":1}".getBytes(StandardCharsets.UTF_8), "MALFORMED_ENVELOPE");
  }

  @Test
  void shouldRejectMalformedEventWhenThePayloadIsNotAnObject() throws Exception {
    assertRejected(signed("[]", FIX.acmeKey), "MALFORMED_EVENT");
  }

  @Test
  void shouldRejectSchemaViolationWhenTheDetailLacksARequiredField() throws Exception {
    String event = event("sv-1", "SEAL_APPLIED", "acme", "f", OCCURRED, "{}");

    assertRejected(signed(event, FIX.acmeKey), "SCHEMA_VIOLATION");
  }

  @Test
  void shouldRejectUnknownKeyWhenSignedByAnUnregisteredKey() throws Exception {
    assertRejected(signed(seal("uk-1", "acme", "S"), FIX.strangerKey), "UNKNOWN_KEY");
  }

  @Test
  void shouldRejectBadSignatureWhenTheSignatureIsAltered() throws Exception {
    ObjectNode envelope =
        (ObjectNode) JSON.readTree(signed(seal("bs-1", "acme", "S"), FIX.acmeKey));
    ObjectNode signature = (ObjectNode) envelope.get("signatures").get(0);
    String sig = signature.get("sig").asText();
    signature.put("sig", (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1));

    var result = assertRejected(JSON.writeValueAsBytes(envelope), "BAD_SIGNATURE");

    assertThat(result.get("field").asText()).isEqualTo("/signatures/0/sig");
    assertThat(result.get("signatureIndex").asInt()).isZero();
  }

  @Test
  void shouldRejectRevokedKeyWhenTheKeyExpiredBeforeReceipt() throws Exception {
    assertRejected(signed(seal("rk-1", "old", "S"), FIX.expiredKey), "REVOKED_KEY");
  }

  @Test
  void shouldRejectPartnerMismatchWhenAnotherPartnersKeySigned() throws Exception {
    assertRejected(signed(seal("pm-1", "sited", "S"), FIX.acmeKey), "PARTNER_MISMATCH");
  }

  @Test
  void shouldRejectRoleNotAllowedWhenAManufacturerCommissions() throws Exception {
    String event = event("rn-1", "COMMISSIONED", "acme", "f", OCCURRED, "{\"customer\":\"c\"}");

    assertRejected(signed(event, FIX.acmeKey), "ROLE_NOT_ALLOWED");
  }

  @Test
  void shouldRejectSiteNotAllowedWhenThePartnerReportsFromAnotherSite() throws Exception {
    assertRejected(signed(seal("sn-1", "sited", "S"), FIX.sitedKey), "SITE_NOT_ALLOWED");
  }

  @Test
  void shouldRejectInsufficientSignaturesWhenAReleaseHasOneSignature() throws Exception {
    String detail =
        "{\"product\":\"p\",\"version\":\"1.0\",\"imageSha256\":\"" + "a".repeat(64) + "\"}";
    String event = event("is-1", "FIRMWARE_RELEASED", "rm", "f", OCCURRED, detail);

    assertRejected(signed(event, FIX.releaseKey), "INSUFFICIENT_SIGNATURES");
  }

  @Test
  void shouldRejectInsufficientSignaturesWhenOneReleaseManagerWithdrawsAlone() throws Exception {
    String detail =
        "{\"product\":\"p\",\"version\":\"1.0\",\"imageSha256\":\""
            + "a".repeat(64)
            + "\",\"reason\":\"CVE-2026-0001\"}";
    String event = event("iw-1", "FIRMWARE_WITHDRAWN", "rm", "f", OCCURRED, detail);

    assertRejected(signed(event, FIX.releaseKey), "INSUFFICIENT_SIGNATURES");
  }

  @Test
  void shouldRejectClockSkewWhenTheEventHappensInTheFuture() throws Exception {
    String event =
        event(
            "cs-1",
            "SEAL_APPLIED",
            "acme",
            "f",
            NOW.plus(Duration.ofDays(1)),
            "{\"sealId\":\"S\"}");

    assertRejected(signed(event, FIX.acmeKey), "CLOCK_SKEW");
  }

  @Test
  void shouldRejectTooOldWhenTheEventHappenedBefore1970() throws Exception {
    String event =
        event(
            "to-1",
            "SEAL_APPLIED",
            "acme",
            "f",
            Instant.parse("1969-12-31T23:59:59Z"),
            "{\"sealId\":\"S\"}");

    var result = assertRejected(signed(event, FIX.acmeKey), "TOO_OLD");

    assertThat(result.get("field").asText()).isEqualTo("/payload/occurredAt");
  }

  @Test
  void shouldRejectReplayWhenAnEventIdComesBackWithOtherContent() throws Exception {
    var first =
        rig.postEvents("application/json", signed(seal("rp-1", "acme", "S-1"), FIX.acmeKey));

    assertThat(first.status()).isEqualTo(202);
    assertRejected(signed(seal("rp-1", "acme", "S-2"), FIX.acmeKey), "REPLAY");
  }

  private static com.fasterxml.jackson.databind.JsonNode assertRejected(
      byte[] envelope, String reason) throws Exception {
    var answer = rig.postEvents("application/json", envelope);

    assertThat(answer.status()).isEqualTo(422);
    var result = answer.body().get("results").get(0);
    assertThat(result.get("status").asText()).isEqualTo("rejected");
    assertThat(result.get("reason").asText()).isEqualTo(reason);
    assertThat(result.get("detail").asText()).isNotBlank();
    return result;
  }
}
