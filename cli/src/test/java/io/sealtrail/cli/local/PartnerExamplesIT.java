package io.sealtrail.cli.local;

import static io.sealtrail.cli.local.LocalPlatformIT.freshConfig;
import static io.sealtrail.cli.local.LocalPlatformIT.post;
import static io.sealtrail.cli.local.LocalPlatformIT.registration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partners of {@code examples/} that do not write Java, run as processes against local mode:
 * each signs an event, submits it and reads its outcome with the partner credential. Skipped, with
 * a message, only where the interpreter (or openssl, for Python) is not installed.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PartnerExamplesIT {
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  private static LocalConfig config;
  private static LocalPlatform platform;

  @TempDir Path keys;

  @BeforeAll
  static void start() throws Exception {
    config = freshConfig(dataDir);
    platform = LocalPlatform.start(config);
  }

  @AfterAll
  static void stop() throws Exception {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void shouldSubmitAndReadItsOutcomeWhenTheNodePartnerRuns() throws Exception {
    assumeTrue(onPath("node"), "node is not installed: the Node.js example partner is not run");
    // Ed25519 here, ECDSA P-256 for Python: each algorithm of the contract from outside Java.
    Path key = registered("node-dock", KeyAlgorithm.ED25519);

    Run run =
        run(List.of("node", EXAMPLES.resolve("node/partner.mjs").toString()), "node-dock", key);

    assertOutcomeAccepted(run);
  }

  @Test
  void shouldSubmitAndReadItsOutcomeWhenThePythonPartnerRuns() throws Exception {
    assumeTrue(
        onPath("python3"), "python3 is not installed: the Python example partner is not run");
    assumeTrue(
        onPath("openssl"), "openssl is not installed: the Python example partner signs with it");
    Path key = registered("python-dock", KeyAlgorithm.ECDSA_P256);

    Run run =
        run(
            List.of("python3", EXAMPLES.resolve("python/partner.py").toString()),
            "python-dock",
            key);

    assertOutcomeAccepted(run);
  }

  /** What an example printed: the submission's result, then the outcome read back. */
  private record Run(int exit, List<JsonNode> lines, String output) {}

  private static void assertOutcomeAccepted(Run run) {
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.lines()).as(run.output()).hasSize(2);
    JsonNode result = run.lines().get(0).get("result");
    JsonNode outcome = run.lines().get(1).get("outcome");
    assertThat(run.lines().get(0).get("submitted").asInt()).isEqualTo(202);
    assertThat(result.get("status").asText()).isEqualTo("accepted");
    assertThat(outcome.get("status").asText()).isEqualTo("accepted");
    assertThat(outcome.get("eventId")).isEqualTo(result.get("eventId"));
    assertThat(outcome.get("partition")).isEqualTo(result.get("partition"));
    assertThat(outcome.get("offset")).isEqualTo(result.get("offset"));
    assertThat(outcome.get("channel").asText()).isEqualTo("http");
  }

  /** A dock registered with a new key of {@code algorithm}; its private key as PKCS#8 PEM. */
  private Path registered(String partnerId, KeyAlgorithm algorithm) throws Exception {
    var generated = KeyPairs.generate(algorithm, new SecureRandom());
    Signer signer = Signers.forKey(generated.privateKeyPkcs8());
    String admin = Files.readString(config.tokensDir().resolve(Role.ADMIN.fileName())).strip();
    var registered =
        post(
            platform.httpUrl().resolve("/v1/partners"),
            registration(partnerId, signer).replace("MANUFACTURER", "DOCK"),
            admin);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    Path key = keys.resolve(partnerId + ".key.pem");
    Files.writeString(key, Pem.writePrivateKey(generated.privateKeyPkcs8()));
    return key;
  }

  private static Run run(List<String> interpreter, String partnerId, Path key) throws Exception {
    List<String> command = new ArrayList<>(interpreter);
    command.addAll(
        List.of(
            "--url",
            platform.httpUrl().toString().replaceAll("/$", ""),
            "--partner",
            partnerId,
            "--key",
            key.toString(),
            "--site",
            "dock-1",
            "--subject",
            "PALLET-" + partnerId));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 90 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : output.lines().toList()) {
      if (line.startsWith("{")) {
        lines.add(JSON.readTree(line));
      }
    }
    return new Run(process.exitValue(), lines, output);
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
