package io.sealtrail.ingest.http;

import static io.sealtrail.ingest.http.Fixtures.seal;
import static io.sealtrail.ingest.http.Fixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.ingest.IngestNode;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The runtime policy on two ingest instances of one deployment, over real HTTP: a PUT on one
 * changes the verdicts of later events on both, the events judged before keep theirs, and an
 * invalid document changes nothing.
 */
class PolicyHttpIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Signer MAKER = newKey();
  private static HttpRig rig;
  private static IngestNode second;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    Partner maker =
        new Partner(
            "maker",
            Set.of("MANUFACTURER"),
            Set.of(),
            List.of(PartnerKey.unbounded(MAKER.verifier())));
    rig =
        new HttpRig(
            KAFKA.bootstrapServers(), EmbeddedKafka.uniqueName("policy"), List.of(maker), Map.of());
    second = rig.startAnother("second");
  }

  @AfterAll
  static void stopInstances() throws Exception {
    if (second != null) {
      second.close();
    }
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldChangeVerdictsOfLaterEventsOnlyOnBothInstancesWhenThePolicyIsReplaced()
      throws Exception {
    // Version 1 (the defaults): a manufacturer may apply seals, on either instance.
    byte[] before1 = signed(seal("pol-1", "maker", "S-1"), MAKER);
    byte[] before2 = signed(seal("pol-2", "maker", "S-2"), MAKER);
    assertThat(post(null, before1).status()).isEqualTo(202);
    assertThat(post(second, before2).status()).isEqualTo(202);
    JsonNode v1 = admin(null, "GET", "").body();
    assertThat(v1.get("version").asInt()).isEqualTo(1);

    // Version 2, put on the first instance: manufacturers may no longer apply seals.
    ObjectNode v2 = v1.deepCopy();
    ArrayNode manufacturer = (ArrayNode) v2.with("mayReport").get("MANUFACTURER");
    manufacturer.removeAll();
    List.of("COMPONENT_RECEIVED", "ASSEMBLED", "PACKED", "SHIPPED", "SCANNED")
        .forEach(manufacturer::add);
    var put = admin(null, "PUT", MAPPER.writeValueAsString(v2));
    assertThat(put.status()).as("%s", put.body()).isEqualTo(200);
    assertThat(put.body().get("version").asInt()).isEqualTo(2);
    Eventually.await(
        () -> versionOn(second), version -> version == 2, "the second instance reads version 2");

    // Later events are judged by version 2 on both instances ...
    var onFirst = post(null, signed(seal("pol-3", "maker", "S-3"), MAKER));
    var onSecond = post(second, signed(seal("pol-4", "maker", "S-4"), MAKER));
    assertThat(List.of(onFirst, onSecond))
        .allSatisfy(
            answer -> {
              assertThat(answer.status()).isEqualTo(422);
              assertThat(answer.body().get("results").get(0).get("reason").asText())
                  .isEqualTo("ROLE_NOT_ALLOWED");
            });
    // ... and the events accepted under version 1 keep their verdict: a resend is a duplicate.
    var resent = post(second, before1);
    assertThat(resent.status()).isEqualTo(202);
    assertThat(resent.body().get("results").get(0).get("status").asText()).isEqualTo("duplicate");
    assertThat(rig.events())
        .extracting(e -> e.getEvent().getEventId())
        .contains("pol-1", "pol-2")
        .doesNotContain("pol-3", "pol-4");

    // Recorded: who changed it, with the digests of the documents as GET answers them.
    AuditEntry changed =
        Eventually.await(
                () ->
                    rig.auditEntries().stream()
                        .filter(e -> e.action().equals(AuditActions.POLICY_CHANGED))
                        .findFirst(),
                java.util.Optional::isPresent,
                "the policy change in the audit log")
            .orElseThrow();
    assertThat(changed.actor()).isEqualTo(rig.callerName(Role.ADMIN));
    assertThat(changed.beforeSha256()).isEqualTo(AuditEntry.digest(bytes(v1)));
    assertThat(changed.afterSha256()).isEqualTo(AuditEntry.digest(bytes(put.body())));
  }

  @Test
  void shouldAnswer422NamingTheFieldAndWriteNothingWhenThePolicyIsInvalid() throws Exception {
    int version = versionOn(null);
    String invalid =
        "{\"mayReport\":{\"RM\":[\"FIRMWARE_RELEASED\"]},"
            + "\"transit\":{\"min\":[{\"between\":[\"SZX-F1\",\"HAM-DC\"],\"duration\":\"twenty hours\"}]}}";

    var answer = admin(null, "PUT", invalid);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.header("content-type")).startsWith("application/problem+json");
    assertThat(answer.body().get("type").asText()).endsWith("/invalid-policy");
    assertThat(answer.body().get("field").asText()).isEqualTo("/transit/min/0/duration");
    assertThat(versionOn(null)).isEqualTo(version);
  }

  @Test
  void shouldLetAnAuditorReadButNotChangeThePolicy() throws Exception {
    String auditor = rig.token(Role.AUDITOR);

    var read = rig.send("GET", "/v1/policy", JSON, new byte[0], auditor);
    var write = rig.send("PUT", "/v1/policy", JSON, "{}".getBytes(StandardCharsets.UTF_8), auditor);

    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().has("transit")).isTrue();
    assertThat(write.status()).isEqualTo(403);
  }

  @Test
  void shouldRejectWithRoleNotAllowedWhenTheRoleIsGrantedOnlyLater() throws Exception {
    Signer key = newKey();
    String pem = Pem.writePublicKey(key.verifier().subjectPublicKeyInfo()).replace("\n", "\\n");
    String later = Instant.now().plusSeconds(86_400).toString();
    String registration =
        ("{\"partnerId\":\"granted\",\"roles\":[\"SCANNER_NONE\"],\"sites\":[],\"keys\":[{\"publicKey\":\"%s\"}]}")
            .formatted(pem)
            .replace(
                "[\"SCANNER_NONE\"]",
                "[{\"role\":\"MANUFACTURER\",\"notBefore\":\"" + later + "\"}]");

    var registered = admin(null, "POST", "/v1/partners", registration);
    var submitted = post(null, signed(seal("gr-1", "granted", "S-9"), key));

    assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
    assertThat(registered.body().get("roles").get(0).get("role").asText())
        .isEqualTo("MANUFACTURER");
    assertThat(submitted.status()).isEqualTo(422);
    assertThat(submitted.body().get("results").get(0).get("reason").asText())
        .isEqualTo("ROLE_NOT_ALLOWED");
  }

  @Test
  void shouldReportThePolicyReaderInReadinessWhenItRuns() throws Exception {
    var ready = rig.send("GET", "/health/readiness", JSON, new byte[0], null);

    assertThat(ready.body().get("checks").get("policyReader").asText()).isEqualTo("UP");
  }

  private static int versionOn(IngestNode node) {
    try {
      return admin(node, "GET", "").body().get("version").asInt();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpRig.Answer post(IngestNode node, byte[] envelope) throws Exception {
    return rig.send(
        node == null ? rig.service() : node, "POST", "/v1/events", JSON, envelope, null);
  }

  private static HttpRig.Answer admin(IngestNode node, String method, String body)
      throws Exception {
    return admin(node, method, "/v1/policy", body);
  }

  private static HttpRig.Answer admin(IngestNode node, String method, String path, String body)
      throws Exception {
    return rig.send(
        node == null ? rig.service() : node,
        method,
        path,
        JSON,
        body.getBytes(StandardCharsets.UTF_8),
        rig.token(Role.ADMIN));
  }

  private static byte[] bytes(JsonNode json) throws Exception {
    return new ObjectMapper()
        .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
        .writeValueAsBytes(json);
  }

  private static Signer newKey() {
    return Signers.forKey(
        KeyPairs.generate(KeyAlgorithm.ECDSA_P256, new SecureRandom()).privateKeyPkcs8());
  }
}
