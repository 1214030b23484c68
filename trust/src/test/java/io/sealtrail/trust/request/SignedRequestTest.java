package io.sealtrail.trust.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedRequestTest {
  private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");
  private final Signer key =
      Signers.forKey(KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());

  @Test
  void shouldReadBackTheClaimAndAVerifiableSignatureWhenAHeaderIsWritten() {
    var claim = new SignedRequest.Claim("GET", "/v1/partners/acme/outcomes?since=3", AT, "n-1");

    Envelope envelope = SignedRequest.envelope(SignedRequest.authorization(claim, List.of(key)));

    assertThat(SignedRequest.claim(envelope.payload())).isEqualTo(claim);
    assertThat(envelope.signatures().get(0).keyid()).isEqualTo(key.keyId().hex());
    assertThat(key.verifier().verify(envelope.pae(), envelope.signatures().get(0).sig())).isTrue();
  }

  @Test
  void shouldReadTheHeaderInEitherBase64AlphabetPaddedOrNot() {
    String json =
        EnvelopeJson.write(
            EnvelopeSigner.sign(
                SignedRequest.PAYLOAD_TYPE,
                new SignedRequest.Claim("GET", "/x", AT, null).json(),
                List.of(key)));
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

    Envelope standard =
        SignedRequest.envelope("Sealtrail-DSSE " + Base64.getEncoder().encodeToString(bytes));
    Envelope urlSafe =
        SignedRequest.envelope(
            "Sealtrail-DSSE " + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));

    assertThat(standard).isEqualTo(urlSafe);
    assertThat(SignedRequest.claim(standard.payload()).nonce()).isNull();
  }

  @Test
  void shouldRefuseAnEventEnvelopeOrAnotherSchemeAsACredential() {
    String event =
        EnvelopeJson.write(
            EnvelopeSigner.sign(
                "application/vnd.sealtrail.event+json",
                "{}".getBytes(StandardCharsets.UTF_8),
                List.of(key)));
    String header =
        "Sealtrail-DSSE "
            + Base64.getEncoder().encodeToString(event.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> SignedRequest.envelope(header))
        .isInstanceOf(SignedRequest.MalformedRequestException.class)
        .hasMessageContaining("payloadType");
    assertThatThrownBy(() -> SignedRequest.envelope("Bearer abc"))
        .isInstanceOf(SignedRequest.MalformedRequestException.class);
    assertThatThrownBy(() -> SignedRequest.envelope(null))
        .isInstanceOf(SignedRequest.MalformedRequestException.class);
    assertThatThrownBy(() -> SignedRequest.envelope("Sealtrail-DSSE !!!"))
        .isInstanceOf(SignedRequest.MalformedRequestException.class)
        .hasMessageContaining("base64");
  }

  @Test
  void shouldRefuseAClaimWithAnUnknownFieldAMissingFieldOrAnUnreadableTime() {
    assertThatThrownBy(
            () -> claim("{\"method\":\"GET\",\"path\":\"/x\",\"at\":\"" + AT + "\",\"by\":\"me\"}"))
        .hasMessageContaining("unknown field by");
    assertThatThrownBy(() -> claim("{\"method\":\"GET\",\"at\":\"" + AT + "\"}"))
        .hasMessageContaining("path");
    assertThatThrownBy(() -> claim("{\"method\":\"GET\",\"path\":\"/x\",\"at\":\"yesterday\"}"))
        .hasMessageContaining("RFC 3339");
    assertThatThrownBy(
            () ->
                claim(
                    "{\"method\":\"GET\",\"method\":\"POST\",\"path\":\"/x\",\"at\":\""
                        + AT
                        + "\"}"))
        .isInstanceOf(SignedRequest.MalformedRequestException.class);
    assertThatThrownBy(() -> claim("[]")).hasMessageContaining("JSON object");
  }

  private static SignedRequest.Claim claim(String json) {
    return SignedRequest.claim(json.getBytes(StandardCharsets.UTF_8));
  }
}
