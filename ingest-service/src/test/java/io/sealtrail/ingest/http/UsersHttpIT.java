package io.sealtrail.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.ingest.IngestNode;
import io.sealtrail.ingest.testing.TopicReader;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.audit.AuditEntryJson;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.UserTokens;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Named users over real HTTP on two ingest instances sharing the broker: created, listed and
 * revoked on one; an expired or revoked token refused on the other, with no other traffic.
 */
class UsersHttpIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static HttpRig rig;
  private static IngestNode second;
  private static String admin;

  @BeforeAll
  static void start() throws Exception {
    rig =
        new HttpRig(
            KAFKA.bootstrapServers(), EmbeddedKafka.uniqueName("users"), List.of(), Map.of());
    second = rig.startAnother("users-second");
    // The deployment's admin token file: the bootstrap identity that creates the first users.
    admin = rig.token(Role.ADMIN);
  }

  @AfterAll
  static void stop() throws Exception {
    if (second != null) {
      second.close();
    }
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldCreateListAndRevokeAUserWhenAnAdminManagesThem() throws Exception {
    String name = name("alice");

    HttpRig.Answer created = create("{\"name\":\"" + name + "\",\"roles\":[\"admin\",\"secops\"]}");

    assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    assertThat(created.header("cache-control")).isEqualTo("no-store");
    String token = created.body().get("token").asText();
    assertThat(token).hasSizeGreaterThanOrEqualTo(43);
    assertThat(created.body().get("name").asText()).isEqualTo(name);
    assertThat(created.body().get("roles")).hasSize(2);
    assertThat(created.body().get("expiresAt").isNull()).isTrue();
    assertThat(get("/v1/partners/nobody", token).status()).as("the new token is in").isEqualTo(404);

    HttpRig.Answer listed = get("/v1/users", token);
    assertThat(listed.status()).isEqualTo(200);
    JsonNode alice = user(listed.body(), name);
    assertThat(alice.get("status").asText()).isEqualTo("active");
    assertThat(alice.get("createdBy").asText()).isEqualTo("admin");
    String text = listed.body().toString();
    assertThat(text).doesNotContain(token).doesNotContain(UserTokens.sha256(token));

    HttpRig.Answer revoked = post("/v1/users/" + name + "/revoke", "", admin);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body().get("status").asText()).isEqualTo("revoked");
    assertThat(revoked.body().get("revokedBy").asText()).isEqualTo("admin");
    assertThat(get("/v1/users", token).status()).as("refused at once here").isEqualTo(401);
    assertThat(user(get("/v1/users", admin).body(), name).get("status").asText())
        .isEqualTo("revoked");
  }

  @Test
  void shouldRecordWhoCreatedAndRevokedAUserInTheAuditLog() throws Exception {
    String name = name("audited");
    String token =
        create("{\"name\":\"" + name + "\",\"roles\":[\"admin\"]}").body().get("token").asText();
    String other = name("carol");
    // The new admin acts under its own name: creating, revoking, registering a partner.
    assertThat(
            post("/v1/users", "{\"name\":\"" + other + "\",\"roles\":[\"recall\"]}", token)
                .status())
        .isEqualTo(201);
    assertThat(post("/v1/users/" + other + "/revoke", "", token).status()).isEqualTo(200);
    Signer key =
        Signers.forKey(
            KeyPairs.generate(KeyAlgorithm.ECDSA_P256, new SecureRandom()).privateKeyPkcs8());
    String pem = Pem.writePublicKey(key.verifier().subjectPublicKeyInfo()).replace("\n", "\\n");
    String partner =
        "{\"partnerId\":\"%s-p\",\"roles\":[\"DOCK\"],\"sites\":[],\"keys\":[{\"publicKey\":\"%s\"}]}"
            .formatted(name, pem);
    assertThat(post("/v1/partners", partner, token).status()).isEqualTo(201);

    List<AuditEntry> entries =
        Eventually.await(
            () -> audit("user:" + other),
            found -> found.size() == 2,
            "both actions on the audit topic");
    assertThat(entries)
        .extracting(AuditEntry::action)
        .containsExactly(AuditActions.USER_CREATED, AuditActions.USER_REVOKED);
    assertThat(entries).extracting(AuditEntry::actor).containsOnly(name);
    assertThat(entries.get(0).beforeSha256()).isNull();
    assertThat(entries.get(1).beforeSha256()).isEqualTo(entries.get(0).afterSha256());
    assertThat(entries.get(1).afterSha256()).isNotEqualTo(entries.get(0).afterSha256());
    assertThat(audit("user:" + name)).extracting(AuditEntry::actor).containsExactly("admin");
    assertThat(partnerUpdatedBy(name + "-p"))
        .as("the partner change names its actor")
        .isEqualTo(name);
  }

  @Test
  void shouldRefuseARevokedTokenOnASecondNodeWhenThatNodeHasReadTheRevocation() throws Exception {
    String name = name("bob");
    String token =
        create("{\"name\":\"" + name + "\",\"roles\":[\"admin\"]}").body().get("token").asText();
    Eventually.await(
        () -> statusOnSecond(token), s -> s == 200, "the user known on the second node");

    assertThat(post("/v1/users/" + name + "/revoke", "", admin).status()).isEqualTo(200);

    // Nothing else happens: the second node reads the revocation on its own.
    Eventually.await(() -> statusOnSecond(token), s -> s == 401, "revoked on the second node");
  }

  @Test
  void shouldRefuseAnExpiredTokenOnASecondNodeWhenItsTimeIsUp() throws Exception {
    String name = name("temp");
    Instant expiry = Instant.now().plusSeconds(8);
    HttpRig.Answer created =
        create(
            "{\"name\":\"" + name + "\",\"roles\":[\"admin\"],\"expiresAt\":\"" + expiry + "\"}");
    assertThat(created.body().get("expiresAt").asText()).isEqualTo(expiry.toString());
    String token = created.body().get("token").asText();
    Eventually.await(
        () -> statusOnSecond(token), s -> s == 200, "the user known on the second node");

    // No record is written at expiry: each node judges it against its clock on each request.
    int status = Eventually.await(() -> statusOnSecond(token), s -> s == 401, "expired");

    assertThat(status).isEqualTo(401);
    assertThat(Instant.now()).isAfterOrEqualTo(expiry);
    assertThat(user(get("/v1/users", admin).body(), name).get("status").asText())
        .isEqualTo("expired");
  }

  @Test
  void shouldAnswer409WhenTheNameIsTakenEvenByARevokedUser() throws Exception {
    String name = name("dup");
    String body = "{\"name\":\"" + name + "\",\"roles\":[\"auditor\"]}";
    assertThat(create(body).status()).isEqualTo(201);
    assertThat(post("/v1/users/" + name + "/revoke", "", admin).status()).isEqualTo(200);

    HttpRig.Answer again = create(body);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("type").asText()).endsWith("/user-exists");
  }

  @Test
  void shouldAnswerPreciseProblemsWhenTheRequestIsNotValid() throws Exception {
    assertInvalid("{\"name\":\"x1\",\"roles\":[\"root\"]}", "/roles/0");
    assertInvalid("{\"name\":\"x2\",\"roles\":[null]}", "/roles/0");
    assertInvalid("{\"name\":\"x3\",\"roles\":[]}", "/roles");
    assertInvalid("{\"name\":\"  \",\"roles\":[\"admin\"]}", "/name");
    assertInvalid("{\"name\":\"" + "n".repeat(65) + "\",\"roles\":[\"admin\"]}", "/name");
    assertInvalid("{\"roles\":[\"admin\"]}", "/name");
    assertInvalid("{\"name\":\"admin\",\"roles\":[\"admin\"]}", "/name");
    assertInvalid(
        "{\"name\":\"x4\",\"roles\":[\"admin\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}",
        "/expiresAt");
    assertInvalid("{\"name\":\"x5\",\"roles\":[\"admin\"],\"expiresAt\":\"soon\"}", "/expiresAt");
    assertInvalid("{\"name\":\"x6\",\"roles\":[\"admin\"],\"token\":\"mine\"}", "/token");

    HttpRig.Answer unreadable = create("{\"name\":");
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.body().get("type").asText()).endsWith("/bad-request");
    assertThat(create("[]").status()).isEqualTo(400);
    assertThat(get("/v1/users", admin).body().toString()).doesNotContain("\"x1\"");
  }

  @Test
  void shouldRefuseUsersRoutesWithoutAnAdminToken() throws Exception {
    assertThat(get("/v1/users", null).status()).isEqualTo(401);
    assertThat(get("/v1/users", rig.token(Role.SECOPS)).status()).isEqualTo(403);
    assertThat(post("/v1/users/nobody/revoke", "", admin).status()).isEqualTo(404);
  }

  private static void assertInvalid(String body, String field) throws Exception {
    HttpRig.Answer answer = create(body);
    assertThat(answer.status()).as(body).isEqualTo(422);
    assertThat(answer.body().get("type").asText()).endsWith("/invalid-request");
    assertThat(answer.body().get("field").asText()).as(body).isEqualTo(field);
  }

  private static String name(String base) {
    return base + "-" + NAMES.incrementAndGet();
  }

  private static HttpRig.Answer create(String body) throws Exception {
    return post("/v1/users", body, admin);
  }

  private static HttpRig.Answer post(String path, String body, String token) throws Exception {
    return rig.send("POST", path, JSON, body.getBytes(StandardCharsets.UTF_8), token);
  }

  private static HttpRig.Answer get(String path, String token) throws Exception {
    return rig.send("GET", path, JSON, new byte[0], token);
  }

  private static int statusOnSecond(String token) {
    try {
      return rig.send(second, "GET", "/v1/users", JSON, new byte[0], token).status();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode user(JsonNode list, String name) {
    for (JsonNode user : list.get("users")) {
      if (user.get("name").asText().equals(name)) {
        return user;
      }
    }
    throw new AssertionError("no user " + name + " in " + list);
  }

  private static List<AuditEntry> audit(String target) {
    return TopicReader.committed(rig.bootstrap(), rig.topics().auditActions()).stream()
        .map(r -> AuditEntryJson.read(r.value()))
        .filter(e -> e.target().equals(target))
        .toList();
  }

  private static String partnerUpdatedBy(String partnerId) {
    try (var serde = new SpecificAvroSerde<>(PartnerRegistration.class)) {
      serde.configure(rig.serdeConfig(), false);
      return TopicReader.committed(rig.bootstrap(), rig.topics().partners()).stream()
          .filter(r -> partnerId.equals(r.key()))
          .map(r -> serde.deserializer().deserialize(rig.topics().partners(), r.value()))
          .reduce((a, b) -> b)
          .orElseThrow()
          .getUpdatedBy();
    }
  }
}
