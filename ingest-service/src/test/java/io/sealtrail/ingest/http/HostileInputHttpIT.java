package io.sealtrail.ingest.http;

import static io.sealtrail.ingest.http.Fixtures.OCCURRED;
import static io.sealtrail.ingest.http.Fixtures.event;
import static io.sealtrail.ingest.http.Fixtures.seal;
import static io.sealtrail.ingest.http.Fixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.LogCapture;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an unauthenticated or careless client can send, over real HTTP: every answer is a 4xx
 * problem or a rejection, never a 500, costs at most one log line and never a stack trace, and
 * carries {@code X-Content-Type-Options: nosniff}.
 */
class HostileInputHttpIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String JSON = "application/json";
  private static final List<String> LIBRARY_NAMES =
      List.of(
          "com.fasterxml",
          "StreamReadConstraints",
          "StreamReadFeature",
          "`",
          "java.",
          "io.micronaut",
          "io.netty");
  private static final Fixtures FIX = new Fixtures();
  private static HttpRig rig;

  @BeforeAll
  static void startService() throws Exception {
    rig =
        new HttpRig(
            KAFKA.bootstrapServers(), EmbeddedKafka.uniqueName("hostile"), FIX.all(), Map.of());
  }

  @AfterAll
  static void stopService() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE"})
  void shouldAnswer400UnreadableBodyWhenTheBodyIsNotUtf8(String charset) throws Exception {
    String envelope = new String(signed(seal("u16-1", "acme", "S"), FIX.acmeKey), "UTF-8");

    try (LogCapture log = new LogCapture()) {
      var answer = rig.postEvents(JSON, envelope.getBytes(Charset.forName(charset)));

      assertUnreadableBody(answer);
      assertAtMostOneQuietLine(log);
    }
  }

  @Test
  void shouldAnswer400UnreadableBodyWhenAnEnvelopeNestsDeeperThan1000Levels() throws Exception {
    String deep = "[".repeat(1001) + "]".repeat(1001);
    byte[] body = ("{\"payloadType\":\"t\",\"payload\":\"\",\"x\":" + deep + "}").getBytes();

    try (LogCapture log = new LogCapture()) {
      var answer = rig.postEvents(JSON, body);

      assertUnreadableBody(answer);
      assertAtMostOneQuietLine(log);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1000, 1001, 5000})
  void shouldAnswerUnreadableBodyOrMalformedEnvelopeWhenAnEnvelopeHoldsAHugeNumber(int digits)
      throws Exception {
    byte[] body = ("{\"payloadType\":" + "9".repeat(digits) + ",\"payload\":\"\"}").getBytes();

    try (LogCapture log = new LogCapture()) {
      var answer = rig.postEvents(JSON, body);

      if (answer.status() == 400) {
        assertUnreadableBody(answer);
      } else {
        assertThat(answer.status()).isEqualTo(422);
        var result = answer.body().get("results").get(0);
        assertThat(result.get("reason").asText()).isEqualTo("MALFORMED_ENVELOPE");
        assertOwnWords(result.get("detail").asText());
      }
      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertAtMostOneQuietLine(log);
    }
  }

  @Test
  void shouldRejectMalformedEnvelopeInOurWordsWhenThePayloadNestsDeeperThan1000Levels()
      throws Exception {
    String deep = "[".repeat(1001) + "]".repeat(1001);
    String payload = Base64.getEncoder().encodeToString(deep.getBytes());
    byte[] body =
        ("{\"payloadType\":\"t\",\"payload\":\"" + payload + "\",\"signatures\":[{\"sig\":\"\"}]}")
            .getBytes();

    var answer = rig.postEvents(JSON, body);

    assertThat(answer.status()).isIn(400, 422);
    assertOwnWords(answer.body().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a|b", "/%zz", "/a\\b", "/v1/events/%zz", "/v1/partners/%zz", "/%"})
  void shouldAnswerAProblemNotA500WhenThePathIsIllegal(String path) throws Exception {
    try (LogCapture log = new LogCapture()) {
      var answer = RawHttp.send(rig.service().url(), "GET", path);

      assertThat(answer.status()).as(answer.text()).isIn(400, 404);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertAtMostOneQuietLine(log);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"partnerId\":\"p\",\"roles\":[null],\"keys\":[KEY]}|/roles/0",
        "{\"partnerId\":\"p\",\"roles\":[],\"sites\":[null],\"keys\":[KEY]}|/sites/0",
        "{\"partnerId\":\"p\",\"roles\":[],\"sites\":[\" \"],\"keys\":[KEY]}|/sites/0",
        "{\"partnerId\":\"p\",\"roles\":[],\"keys\":[null]}|/keys/0/publicKey",
        "{\"partnerId\":\"p\",\"roles\":[],\"keys\":[KEY,KEY]}|/keys/1/publicKey",
      })
  void shouldAnswer422WithThePointerWhenARegistrationHoldsNulls(String bodyAndField)
      throws Exception {
    String[] parts = bodyAndField.split("\\|");
    String body = parts[0].replace("KEY", key(FIX.strangerKey));

    try (LogCapture log = new LogCapture()) {
      var answer = admin("POST", "/v1/partners", body);

      assertThat(answer.status()).as("%s", answer.body()).isEqualTo(422);
      assertThat(answer.body().get("field").asText()).isEqualTo(parts[1]);
      assertOwnWords(answer.body().get("detail").asText());
      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertAtMostOneQuietLine(log);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[",
        "{\"roles\":\"x\"}",
        "{\"partnerId\":{}}",
        "{\"keys\":[1]}",
        "{\"keys\":[{\"publicKey\":\"-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----\"}]}",
        "{\"keys\":[{\"publicKey\":\"-----BEGIN PUBLIC KEY-----\\n!!\\n-----END PUBLIC KEY-----\"}]}"
      })
  void shouldAnswerAProblemInOurWordsWhenARegistrationIsNotOfTheExpectedShape(String body)
      throws Exception {
    String withId =
        body.startsWith("{\"keys\"") ? "{\"partnerId\":\"p\"," + body.substring(1) : body;

    try (LogCapture log = new LogCapture()) {
      var answer = admin("POST", "/v1/partners", withId);

      assertThat(answer.status()).as("%s", answer.body()).isIn(400, 422);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertOwnWords(answer.body().get("detail").asText());
      assertAtMostOneQuietLine(log);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+1000000000-12-31T23:59:59Z",
        "-1000000000-01-01T00:00:00Z",
        "+10000-01-01T00:00:00Z"
      })
  void shouldAnswer422WhenAnInstantOfTheAdminApiLiesOutsideFourDigitYears(String instant)
      throws Exception {
    Signer key = newKey();
    String keyid = key.verifier().keyId().hex();
    String bounded = key(newKey()).replace("}", ",\"notAfter\":\"" + instant + "\"}");
    admin(
        "POST", "/v1/partners", "{\"partnerId\":\"far\",\"roles\":[],\"keys\":[" + key(key) + "]}");

    try (LogCapture log = new LogCapture()) {
      var registered =
          admin(
              "POST",
              "/v1/partners",
              "{\"partnerId\":\"far2\",\"roles\":[],\"keys\":[" + bounded + "]}");
      var revoked =
          admin(
              "POST", "/v1/partners/far/keys/" + keyid + "/revoke", "{\"at\":\"" + instant + "\"}");

      assertThat(registered.status()).as("%s", registered.body()).isEqualTo(422);
      assertThat(registered.body().get("field").asText()).isEqualTo("/keys/0/notAfter");
      assertThat(revoked.status()).as("%s", revoked.body()).isEqualTo(422);
      assertThat(revoked.body().get("field").asText()).isEqualTo("/at");
      assertAtMostOneQuietLine(log);
    }
  }

  @Test
  void shouldAnswer409AndChangeNothingWhenAnotherPartnersKeyIsRegistered() throws Exception {
    String owned = key(FIX.acmeKey);
    String copy = "{\"partnerId\":\"thief\",\"roles\":[\"MANUFACTURER\"],\"keys\":[" + owned + "]}";

    var answer = admin("POST", "/v1/partners", copy);
    var thief = admin("GET", "/v1/partners/thief", "");
    var byOwner = rig.postEvents(JSON, signed(seal("own-1", "acme", "S"), FIX.acmeKey));

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(409);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.body().get("type").asText()).endsWith("/key-held-by-another-partner");
    assertThat(answer.body().get("field").asText()).isEqualTo("/keys/0/publicKey");
    assertThat(thief.status()).isEqualTo(404);
    assertThat(byOwner.status()).isEqualTo(202);
  }

  @Test
  void shouldAnswer409WhenAKnownPartnerAddsAnotherPartnersKey() throws Exception {
    String update =
        "{\"partnerId\":\"sited\",\"roles\":[\"MANUFACTURER\"],\"sites\":[\"site-a\"],\"keys\":["
            + key(FIX.sitedKey)
            + ","
            + key(FIX.releaseKey)
            + "]}";

    var answer = admin("POST", "/v1/partners", update);
    var sited = admin("GET", "/v1/partners/sited", "");

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.body().get("field").asText()).isEqualTo("/keys/1/publicKey");
    assertThat(sited.body().get("keys")).hasSize(1);
  }

  @Test
  void shouldAcceptAnEnvelopeWhosePayloadAndSignatureUseTheUrlSafeAlphabet() throws Exception {
    ObjectNode envelope = urlSafeEnvelope();

    var answer = rig.postEvents(JSON, MAPPER.writeValueAsBytes(envelope));

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(202);
    assertThat(answer.body().get("results").get(0).get("status").asText()).isEqualTo("accepted");
  }

  @ParameterizedTest
  @ValueSource(strings = {"T23:59:60Z", "T24:00:00Z"})
  void shouldRejectMalformedEventWhenOccurredAtIsNotAnRfc3339Time(String time) throws Exception {
    String day = OCCURRED.toString().substring(0, 10);
    String event =
        event(
            "t-" + time.substring(1, 3),
            "SEAL_APPLIED",
            "acme",
            "f",
            OCCURRED,
            "{\"sealId\":\"S\"}");
    event = event.replace(OCCURRED.toString(), day + time);

    var answer = rig.postEvents(JSON, signed(event, FIX.acmeKey));

    var result = answer.body().get("results").get(0);
    assertThat(result.get("reason").asText()).isEqualTo("MALFORMED_EVENT");
    assertThat(result.get("field").asText()).isEqualTo("/occurredAt");
  }

  @Test
  void shouldRejectMalformedEventWhenTheYearHasMoreThanFourDigits() throws Exception {
    String event = event("y-1", "SEAL_APPLIED", "acme", "f", OCCURRED, "{\"sealId\":\"S\"}");
    event = event.replace(OCCURRED.toString(), "+10000-01-01T00:00:00Z");

    var answer = rig.postEvents(JSON, signed(event, FIX.acmeKey));

    var result = answer.body().get("results").get(0);
    assertThat(result.get("reason").asText()).isEqualTo("MALFORMED_EVENT");
    assertThat(result.get("field").asText()).isEqualTo("/occurredAt");
  }

  @Test
  void shouldSendNosniffWhenTheAnswerIsASuccessOrAProblem() throws Exception {
    var accepted = rig.postEvents(JSON, signed(seal("ns-1", "acme", "S"), FIX.acmeKey));
    var unauthenticated = rig.send("GET", "/v1/partners/acme", JSON, new byte[0], null);
    var notFound = rig.send("GET", "/nowhere", JSON, new byte[0], null);
    var health = rig.send("GET", "/health", JSON, new byte[0], null);

    for (var answer : List.of(accepted, unauthenticated, notFound, health)) {
      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
  }

  @Test
  void shouldAnswer404WhenMetricsAreAskedForOnTheApiPort() throws Exception {
    rig.postEvents(JSON, signed(seal("pm-0", "acme", "S"), FIX.acmeKey));

    var onApiPort = rig.send("GET", "/prometheus", JSON, new byte[0], null);

    assertThat(onApiPort.status()).isEqualTo(404);
    assertThat(onApiPort.body().toString()).doesNotContain("acme");
    assertThat(rig.metrics()).contains("partner=\"acme\"");
  }

  /** acme's event signed by acme, with payload and signature in the URL-safe alphabet. */
  private static ObjectNode urlSafeEnvelope() throws Exception {
    for (int i = 0; ; i++) {
      String event = seal("url-" + i, "acme", "S~?>" + i);
      ObjectNode envelope = (ObjectNode) MAPPER.readTree(signed(event, FIX.acmeKey));
      String payload = envelope.get("payload").asText();
      if (payload.contains("+") || payload.contains("/")) {
        envelope.put("payload", urlSafe(payload));
        ObjectNode signature = (ObjectNode) envelope.get("signatures").get(0);
        signature.put("sig", urlSafe(signature.get("sig").asText()));
        return envelope;
      }
    }
  }

  private static String urlSafe(String standard) {
    return standard.replace('+', '-').replace('/', '_');
  }

  private static void assertUnreadableBody(HttpRig.Answer answer) {
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.body().get("type").asText()).endsWith("/unreadable-body");
    assertOwnWords(answer.body().get("detail").asText());
  }

  private static void assertOwnWords(String detail) {
    for (String name : LIBRARY_NAMES) {
      assertThat(detail).doesNotContain(name);
    }
  }

  private static void assertAtMostOneQuietLine(LogCapture log) {
    List<ILoggingEvent> events = log.events();
    assertThat(events).as("%s", events).hasSizeLessThanOrEqualTo(1);
    assertThat(events).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
    assertThat(events).noneMatch(e -> e.getThrowableProxy() != null);
  }

  private static HttpRig.Answer admin(String method, String path, String body) throws Exception {
    return rig.send(
        method, path, JSON, body.getBytes(StandardCharsets.UTF_8), rig.token(Role.ADMIN));
  }

  private static Signer newKey() {
    return Signers.forKey(
        KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());
  }

  private static String key(Signer key) {
    String pem = Pem.writePublicKey(key.verifier().subjectPublicKeyInfo()).replace("\n", "\\n");
    return "{\"publicKey\":\"" + pem + "\"}";
  }
}
