package io.sealtrail.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.platform.auth.Role;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Local mode when one of its services dies under it: it says so instead of timing out. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LocalServiceDeathIT {
  /** The transactional id of local ingest's verifier loop: group prefix, role, instance id. */
  private static final String VERIFIER_TRANSACTIONAL_ID = "sealtrail-ingest-verifier-local";

  @TempDir Path dataDir;

  @Test
  void shouldReportIngestAndAnswer503AtOnceWhenIngestsLoopIsFenced() throws Exception {
    Signer key =
        Signers.forKey(
            KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());
    LocalConfig config = LocalPlatformIT.freshConfig(dataDir);
    try (var platform = LocalPlatform.start(config)) {
      var events = platform.httpUrl().resolve("/v1/events");
      String admin = Files.readString(config.tokensDir().resolve(Role.ADMIN.fileName())).strip();
      var registered =
          LocalPlatformIT.post(
              platform.httpUrl().resolve("/v1/partners"),
              LocalPlatformIT.registration("dock", key),
              admin);
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      fence(platform.bootstrapServers());
      // The fenced loop dies at its next transaction; this submission's answer does not matter.
      postWithoutWaiting(events, LocalPlatformIT.envelope("dock", "PALLET-1", key));

      var death = platform.death().get(2, TimeUnit.MINUTES);
      var after =
          LocalPlatformIT.post(events, LocalPlatformIT.envelope("dock", "PALLET-2", key), null);

      assertThat(death.service()).isEqualTo("ingest");
      assertThat(death.reason()).isNotBlank();
      assertThat(after.statusCode()).isEqualTo(503);
      assertThat(after.headers().firstValue("Retry-After")).isPresent();
      assertThat(after.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(after.body())
          .contains("https://sealtrail.io/problems/service-unavailable")
          .contains("ingest has stopped");
    }
  }

  /** What a second instance with the same id does: the coordinator fences the running loop. */
  private static void fence(String bootstrap) {
    Map<String, Object> zombie =
        Map.of("bootstrap.servers", bootstrap, "transactional.id", VERIFIER_TRANSACTIONAL_ID);
    try (var producer =
        new KafkaProducer<>(zombie, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
    }
  }

  private static void postWithoutWaiting(java.net.URI uri, String body) {
    HttpClient.newHttpClient()
        .sendAsync(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofMinutes(1))
                .build(),
            HttpResponse.BodyHandlers.discarding());
  }
}
