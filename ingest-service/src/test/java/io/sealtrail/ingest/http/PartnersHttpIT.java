package io.sealtrail.ingest.http;

import static io.sealtrail.ingest.http.Fixtures.seal;
import static io.sealtrail.ingest.http.Fixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Partner administration over HTTP: roles enforced, writes visible to the very next submission. */
class PartnersHttpIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final String JSON = "application/json";
  private static HttpRig rig;

  @BeforeAll
  static void startService() throws Exception {
    rig =
        new HttpRig(
            KAFKA.bootstrapServers(), EmbeddedKafka.uniqueName("partners"), List.of(), Map.of());
  }

  @AfterAll
  static void stopService() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldAnswer401ProblemWhenNoTokenIsSent() throws Exception {
    var answer = rig.send("GET", "/v1/partners/acme", JSON, new byte[0], null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("content-type")).startsWith("application/problem+json");
    assertThat(answer.header("www-authenticate")).isEqualTo("Bearer");
  }

  @Test
  void shouldAnswer403ProblemWhenTheTokenIsAnotherRoles() throws Exception {
    var answer =
        rig.send(
            "POST",
            "/v1/partners",
            JSON,
            "{}".getBytes(StandardCharsets.UTF_8),
            rig.token(Role.AUDITOR));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body().get("type").asText()).endsWith("/forbidden");
  }

  @Test
  void shouldAcceptASubmissionRightAfterThePartnerIsRegistered() throws Exception {
    Signer key = newKey();

    var registered = admin("POST", "/v1/partners", registration("fresh", "MANUFACTURER", key));
    var submitted = rig.postEvents(JSON, signed(seal("fr-1", "fresh", "S-1"), key));

    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.body().get("keys").get(0).get("keyid").asText())
        .isEqualTo(key.verifier().keyId().hex());
    assertThat(submitted.status()).isEqualTo(202);
  }

  @Test
  void shouldAnswer200WhenAnExistingPartnerIsUpdated() throws Exception {
    Signer key = newKey();
    admin("POST", "/v1/partners", registration("twice", "MANUFACTURER", key));

    var again = admin("POST", "/v1/partners", registration("twice", "LOGISTICS", key));
    var shown = admin("GET", "/v1/partners/twice", "");

    assertThat(again.status()).isEqualTo(200);
    assertThat(shown.body().get("roles").get(0).asText()).isEqualTo("LOGISTICS");
  }

  @Test
  void shouldRejectRevokedKeyWhenTheKeyWasRevokedBeforeTheSubmission() throws Exception {
    Signer key = newKey();
    String keyid = key.verifier().keyId().hex();
    admin("POST", "/v1/partners", registration("revoked", "MANUFACTURER", key));

    var revoked = admin("POST", "/v1/partners/revoked/keys/" + keyid + "/revoke", "");
    var submitted = rig.postEvents(JSON, signed(seal("rv-1", "revoked", "S-1"), key));

    assertThat(revoked.status()).as("%s", revoked.body()).isEqualTo(200);
    assertThat(revoked.body().get("keys").get(0).has("revokedAt")).isTrue();
    assertThat(submitted.status()).isEqualTo(422);
    assertThat(submitted.body().get("results").get(0).get("reason").asText())
        .isEqualTo("REVOKED_KEY");
  }

  @Test
  void shouldStillRejectRevokedKeyWhenThePartnerIsRegisteredAgainWithThatKey() throws Exception {
    Signer key = newKey();
    String keyid = key.verifier().keyId().hex();
    admin("POST", "/v1/partners", registration("re-added", "MANUFACTURER", key));
    admin("POST", "/v1/partners/re-added/keys/" + keyid + "/revoke", "");

    var updated = admin("POST", "/v1/partners", registration("re-added", "MANUFACTURER", key));
    var submitted = rig.postEvents(JSON, signed(seal("ra-1", "re-added", "S-1"), key));

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body().get("keys").get(0).has("revokedAt")).isTrue();
    assertThat(submitted.body().get("results").get(0).get("reason").asText())
        .isEqualTo("REVOKED_KEY");
  }

  @Test
  void shouldRejectRevokedKeyNotUnknownKeyWhenAnUpdateLeavesTheKeyOut() throws Exception {
    Signer old = newKey();
    Signer current = newKey();
    admin("POST", "/v1/partners", registration("rotated", "MANUFACTURER", old));

    var updated = admin("POST", "/v1/partners", registration("rotated", "MANUFACTURER", current));
    var withOld = rig.postEvents(JSON, signed(seal("ro-1", "rotated", "S-1"), old));
    var withCurrent = rig.postEvents(JSON, signed(seal("ro-2", "rotated", "S-2"), current));

    assertThat(updated.body().get("keys").get(1).get("keyid").asText())
        .isEqualTo(old.verifier().keyId().hex());
    assertThat(updated.body().get("keys").get(1).has("revokedAt")).isTrue();
    assertThat(withOld.body().get("results").get(0).get("reason").asText())
        .isEqualTo("REVOKED_KEY");
    assertThat(withCurrent.status()).isEqualTo(202);
  }

  @Test
  void shouldAnswerDuplicateWhenAnAcceptedEventIsResentAfterItsKeyWasRevoked() throws Exception {
    Signer key = newKey();
    String keyid = key.verifier().keyId().hex();
    admin("POST", "/v1/partners", registration("lost-reply", "MANUFACTURER", key));
    byte[] envelope = signed(seal("lr-1", "lost-reply", "S-1"), key);
    var original = rig.postEvents(JSON, envelope);
    admin("POST", "/v1/partners/lost-reply/keys/" + keyid + "/revoke", "");

    var retry = rig.postEvents(JSON, envelope);

    assertThat(original.body().get("results").get(0).get("status").asText()).isEqualTo("accepted");
    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.body().get("results").get(0).get("status").asText()).isEqualTo("duplicate");
    assertThat(retry.body().get("results").get(0).get("offset").asLong())
        .isEqualTo(original.body().get("results").get(0).get("offset").asLong());
  }

  @Test
  void shouldRecordEachPartnerActionWithTheCallerAsActorBeforeAnsweringIt() throws Exception {
    Signer key = newKey();
    String keyid = key.verifier().keyId().hex();
    var registered =
        rig.send(
            "POST",
            "/v1/partners",
            JSON,
            registration("audited", "MANUFACTURER", key).getBytes(StandardCharsets.UTF_8),
            rig.token(Role.ADMIN),
            Map.of("X-Request-Id", "req-audited-1"));
    var updated = admin("POST", "/v1/partners", registration("audited", "LOGISTICS", key));
    var revoked = admin("POST", "/v1/partners/audited/keys/" + keyid + "/revoke", "");
    var shown = admin("GET", "/v1/partners/audited", "");

    List<AuditEntry> entries =
        rig.auditEntries().stream().filter(e -> e.target().equals("partner:audited")).toList();

    assertThat(List.of(registered.status(), updated.status(), revoked.status()))
        .containsExactly(201, 200, 200);
    assertThat(entries)
        .extracting(AuditEntry::action)
        .containsExactly(
            AuditActions.PARTNER_REGISTERED,
            AuditActions.PARTNER_UPDATED,
            AuditActions.PARTNER_KEY_REVOKED);
    assertThat(entries).extracting(AuditEntry::actor).containsOnly(rig.callerName(Role.ADMIN));
    assertThat(entries.get(0).requestId()).isEqualTo("req-audited-1");
    assertThat(entries.get(1).requestId()).isNotBlank().isNotEqualTo("req-audited-1");
    assertThat(entries.get(0).beforeSha256()).isNull();
    assertThat(entries.get(1).beforeSha256()).isEqualTo(entries.get(0).afterSha256());
    assertThat(entries.get(2).beforeSha256()).isEqualTo(entries.get(1).afterSha256());
    // The digest is of the registration exactly as the admin API shows it.
    assertThat(entries.get(2).afterSha256())
        .isEqualTo(AuditEntry.digest(new ObjectMapper().writeValueAsBytes(shown.body())))
        .isNotEqualTo(entries.get(1).afterSha256());
  }

  @Test
  void shouldKeepTheReasonAndAlertOfTheFirstRevocationWhenAKeyIsRevokedFromAnAlert()
      throws Exception {
    Signer key = newKey();
    String keyid = key.verifier().keyId().hex();
    admin("POST", "/v1/partners", registration("from-alert", "MANUFACTURER", key));
    String path = "/v1/partners/from-alert/keys/" + keyid + "/revoke";

    var revoked =
        admin("POST", path, "{\"reason\":\"key leaked\",\"alertId\":\"SIG-from-alert-1\"}");
    var again = admin("POST", path, "{\"reason\":\"second thoughts\",\"alertId\":\"other\"}");
    var updated = admin("POST", "/v1/partners", registration("from-alert", "LOGISTICS", key));
    var shown = admin("GET", "/v1/partners/from-alert", "");
    List<AuditEntry> entries =
        rig.auditEntries().stream().filter(e -> e.target().equals("partner:from-alert")).toList();

    assertThat(List.of(revoked.status(), again.status(), updated.status()))
        .containsExactly(200, 200, 200);
    var shownKey = shown.body().get("keys").get(0);
    assertThat(shownKey.get("revocationReason").asText()).isEqualTo("key leaked");
    assertThat(shownKey.get("revocationAlertId").asText()).isEqualTo("SIG-from-alert-1");
    assertThat(revoked.body().get("keys").get(0)).isEqualTo(shownKey);
    assertThat(entries)
        .extracting(AuditEntry::action)
        .containsExactly(
            AuditActions.PARTNER_REGISTERED,
            AuditActions.PARTNER_KEY_REVOKED,
            AuditActions.PARTNER_KEY_REVOKED,
            AuditActions.PARTNER_UPDATED);
    // The first revocation's digest covers its reason and alert: it is what GET showed then.
    assertThat(entries.get(1).afterSha256())
        .isEqualTo(AuditEntry.digest(new ObjectMapper().writeValueAsBytes(revoked.body())));
  }

  @Test
  void shouldAnswer422NamingTheFieldWhenARevocationReasonOrAlertIdIsNotValid() throws Exception {
    Signer key = newKey();
    String keyid = key.verifier().keyId().hex();
    admin("POST", "/v1/partners", registration("bad-revocation", "MANUFACTURER", key));
    String path = "/v1/partners/bad-revocation/keys/" + keyid + "/revoke";

    var blank = admin("POST", path, "{\"reason\":\"  \"}");
    var tooLong = admin("POST", path, "{\"reason\":\"" + "x".repeat(501) + "\"}");
    var badAlert = admin("POST", path, "{\"reason\":\"ok\",\"alertId\":\" a\\u0001\"}");
    var shown = admin("GET", "/v1/partners/bad-revocation", "");

    assertThat(List.of(blank.status(), tooLong.status(), badAlert.status()))
        .containsExactly(422, 422, 422);
    assertThat(blank.body().get("field").asText()).isEqualTo("/reason");
    assertThat(tooLong.body().get("field").asText()).isEqualTo("/reason");
    assertThat(badAlert.body().get("field").asText()).isEqualTo("/alertId");
    assertThat(shown.body().get("keys").get(0).has("revokedAt")).as("nothing written").isFalse();
  }

  @Test
  void shouldAnswer422NamingTheFieldWhenARoleIsUnknown() throws Exception {
    var answer = admin("POST", "/v1/partners", registration("bad-role", "PIRATE", newKey()));

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().get("field").asText()).isEqualTo("/roles/0");
  }

  @Test
  void shouldAnswer422NamingTheFieldWhenThePemIsNotAKey() throws Exception {
    String body = "{\"partnerId\":\"bad-pem\",\"roles\":[],\"keys\":[{\"publicKey\":\"nope\"}]}";

    var answer = admin("POST", "/v1/partners", body);

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().get("field").asText()).isEqualTo("/keys/0/publicKey");
  }

  @Test
  void shouldAnswer404WhenThePartnerIsUnknown() throws Exception {
    var answer = admin("GET", "/v1/partners/nobody", "");

    assertThat(answer.status()).isEqualTo(404);
  }

  private static HttpRig.Answer admin(String method, String path, String body) throws Exception {
    return rig.send(
        method, path, JSON, body.getBytes(StandardCharsets.UTF_8), rig.token(Role.ADMIN));
  }

  private static String registration(String partnerId, String role, Signer key) {
    String pem = Pem.writePublicKey(key.verifier().subjectPublicKeyInfo()).replace("\n", "\\n");
    return "{\"partnerId\":\"%s\",\"roles\":[\"%s\"],\"sites\":[],\"keys\":[{\"publicKey\":\"%s\"}]}"
        .formatted(partnerId, role, pem);
  }

  private static Signer newKey() {
    return Signers.forKey(
        KeyPairs.generate(KeyAlgorithm.ECDSA_P256, new SecureRandom()).privateKeyPkcs8());
  }
}
