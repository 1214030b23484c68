package io.sealtrail.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.Eventually;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode stopped and started again on the same data directory: one start with one event, one
 * restart that must find everything as it was.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LocalRestartIT {

  private static final String SCHEMA =
      "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Probe\\\",\\\"fields\\\":"
          + "[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}";
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dataDir;

  @Test
  void shouldKeepTopicsSchemaIdsTokensStateAndDedupWhenRestartedOnTheSameDataDir()
      throws Exception {
    LocalConfig config = LocalPlatformIT.freshConfig(dataDir);
    Signer key =
        Signers.forKey(
            KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());
    String envelope = LocalPlatformIT.envelope("dock", "PALLET-9", key);
    int id;
    Map<String, String> tokens;
    try (var first = LocalPlatform.start(config)) {
      id = register(first.registryUrl(), "probe-value");
      tokens = tokens(config);
      var registered =
          LocalPlatformIT.post(
              first.httpUrl().resolve("/v1/partners"),
              LocalPlatformIT.registration("dock", key),
              tokens.get(Role.ADMIN.fileName()));
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      var accepted = LocalPlatformIT.post(first.httpUrl().resolve("/v1/events"), envelope, null);
      assertThat(accepted.body()).contains("\"status\":\"accepted\"");
      serialState(first, tokens);
    }

    try (var restarted = LocalPlatform.start(config)) {

      assertThat(restarted.createdTopics()).isEmpty();
      var byId = get(restarted.registryUrl().resolve("/schemas/ids/" + id));
      assertThat(byId.statusCode()).isEqualTo(200);
      assertThat(byId.body()).contains("Probe");
      assertThat(register(restarted.registryUrl(), "probe-value")).isEqualTo(id);
      assertThat(tokens(config)).isEqualTo(tokens);
      assertThat(serialState(restarted, tokens).body()).contains("\"serial\":\"PALLET-9\"");
      var resent = LocalPlatformIT.post(restarted.httpUrl().resolve("/v1/events"), envelope, null);
      assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
      assertThat(resent.body()).contains("\"status\":\"duplicate\"");
    }
  }

  /** Every role's token by file name, as local mode wrote them. */
  private static Map<String, String> tokens(LocalConfig config) throws IOException {
    Map<String, String> tokens = new TreeMap<>();
    for (Role role : Role.values()) {
      Path file = config.tokensDir().resolve(role.fileName());
      tokens.put(role.fileName(), Files.readString(file).strip());
    }
    return tokens;
  }

  /** The serial's state once the store answers it (it may still be restoring after a start). */
  private static HttpResponse<String> serialState(
      LocalPlatform platform, Map<String, String> tokens) throws InterruptedException {
    return Eventually.await(
        () ->
            LocalPlatformIT.getQuietly(
                platform.httpUrl().resolve("/v1/serials/PALLET-9"),
                tokens.get(Role.RECALL.fileName())),
        r -> r.statusCode() == 200,
        "PALLET-9's state");
  }

  private int register(URI registry, String subject) throws Exception {
    var request =
        HttpRequest.newBuilder(registry.resolve("/subjects/" + subject + "/versions"))
            .header("Content-Type", CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"" + SCHEMA + "\"}"))
            .timeout(Duration.ofSeconds(30))
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    // The answer carries more than the id (CP 8.x: version, guid, schemaType, schema).
    var id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return Integer.parseInt(id.group(1));
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
