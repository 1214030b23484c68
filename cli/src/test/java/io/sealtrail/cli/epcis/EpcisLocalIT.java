package io.sealtrail.cli.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.cli.Sealtrail;
import io.sealtrail.cli.demo.DemoOptions;
import io.sealtrail.cli.demo.DemoRun;
import io.sealtrail.cli.demo.DemoTarget;
import io.sealtrail.cli.http.BearerToken;
import io.sealtrail.cli.local.LocalConfig;
import io.sealtrail.cli.local.LocalPlatform;
import io.sealtrail.cli.partners.AdminClient;
import io.sealtrail.cli.partners.Registration;
import io.sealtrail.testing.Eventually;
import io.sealtrail.testing.NodePackage;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * EPCIS 2.0 out and in on local mode (broker, registry, ingest, custody-stream in this JVM), judged
 * by GS1's own JavaScript SDK {@code epcis2.js} (installed from the committed lock file by {@link
 * NodePackage}): every history of the demo's supply chain exports to a document the SDK and the
 * EPCIS JSON schema it ships accept, and a document built with the SDK's classes is signed,
 * captured with {@code sealtrail epcis capture}, and lands on custody.events and in the serial's
 * history.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class EpcisLocalIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVENTS = "custody.events";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dataDir;
  private static LocalConfig config;
  private static LocalPlatform platform;
  private static NodePackage sdk;

  @BeforeAll
  static void start() throws Exception {
    sdk =
        NodePackage.install("epcis2-js", "the EPCIS interop test with GS1's epcis2.js", "epcis.js");
    config = new LocalConfig(dataDir, "localhost", freePort(), freePort(), 0, 0);
    platform = LocalPlatform.start(config);
  }

  @AfterAll
  static void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void shouldExportEveryHistoryOfTheDemoAsADocumentEpcis2jsAcceptsWhenAskedForEpcis()
      throws Exception {
    var target = DemoTarget.onLocal(platform, config);
    var quiet = new PrintWriter(Writer.nullWriter());
    Instant end = Instant.now().minusSeconds(60);
    new DemoRun(target, quiet, quiet)
        .send(
            new DemoOptions(DemoOptions.MIN_DEVICES, 7, end, "EX" + DemoOptions.runTagOf(end)),
            2000);
    Map<String, Integer> accepted = eventsPerSerial();
    assertThat(accepted).hasSizeGreaterThan(DemoOptions.MIN_DEVICES);

    Process serve = sdk.start("node", "epcis.js", "serve");
    try (var in = new OutputStreamWriter(serve.getOutputStream(), StandardCharsets.UTF_8);
        var out =
            new BufferedReader(
                new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
      Map<String, String> invalid = new HashMap<>();
      for (var serial : accepted.entrySet()) {
        JsonNode document = epcisHistory(serial.getKey(), serial.getValue());
        in.write(JSON.writeValueAsString(document));
        in.write('\n');
        in.flush();
        JsonNode verdict = JSON.readTree(out.readLine());
        if (!verdict.at("/schema/valid").booleanValue()
            || !verdict.at("/sdk/valid").booleanValue()) {
          invalid.put(serial.getKey(), verdict.toString());
        }
      }
      assertThat(invalid).as("histories epcis2.js or the EPCIS schema refuse").isEmpty();
    } finally {
      serve.destroy();
    }
  }

  @Test
  void shouldCaptureADocumentBuiltWithEpcis2jsIntoCustodyEventsAndTheSerialsHistory()
      throws Exception {
    String run = "C" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    Path key = register("epcis-plant-" + run.toLowerCase());
    String time =
        Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS).toString();
    Path document = dataDir.resolve(run + ".json");
    Files.writeString(document, sdk.run(60, "node", "epcis.js", "build", time, run));
    var out = new StringWriter();

    int exit =
        Sealtrail.commandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(out))
            .execute(
                "epcis",
                "capture",
                "--key",
                key.toString(),
                "--url",
                platform.httpUrl().toString(),
                document.toString());

    // Five events mean four custody events (the parts fold into the assembly); the
    // transformation means none and is refused, never dropped.
    assertThat(exit).as(out.toString()).isEqualTo(1);
    assertThat(out.toString())
        .contains("#0: accepted " + run + "-asm")
        .contains("#1: accepted " + run + "-asm")
        .contains("(part of the event at /epcisBody/eventList/0)")
        .contains("#2: accepted https://id.sealtrail.example/partner-event/" + run + "-pack")
        .contains("#3: accepted " + run + "-ship")
        .contains("#4: accepted " + run + "-check")
        .contains("#5: rejected SCHEMA_VIOLATION UNSUPPORTED_EVENT_TYPE at /epcisBody/eventList/5");
    assertThat(eventsPerSerial()).containsKeys("DEV-" + run, "CTN-" + run);
    JsonNode history =
        Eventually.await(
            () -> history("DEV-" + run, ""),
            h -> h != null && h.path("events").size() >= 4,
            "DEV-" + run + "'s history with the captured events");
    var types = new java.util.ArrayList<String>();
    history.path("events").forEach(e -> types.add(e.at("/event/event/type").asText()));
    // The carton's events reach the device through its repartition: their order against the
    // device's own event is arrival's.
    assertThat(types).containsExactlyInAnyOrder("ASSEMBLED", "PACKED", "SHIPPED", "SEAL_CHECKED");
    assertThat(history.at("/chain/status").asText()).isEqualTo("intact");
    assertThat(history.at("/events/0/event/envelope/payloadType").asText())
        .isEqualTo("application/vnd.sealtrail.epcis+json");

    var again = new StringWriter();
    int resent =
        Sealtrail.commandLine()
            .setOut(new PrintWriter(again))
            .execute(
                "epcis",
                "capture",
                "--key",
                key.toString(),
                "--url",
                platform.httpUrl().toString(),
                document.toString());
    assertThat(resent).isEqualTo(1);
    assertThat(again.toString()).contains("#0: duplicate " + run + "-asm");
  }

  /** Registers a manufacturer with a new Ed25519 key; answers the private key's PEM file. */
  private static Path register(String partnerId) throws IOException {
    var keys = KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom());
    var admin =
        new AdminClient(
            platform.httpUrl().resolve("/"),
            BearerToken.read(config.tokensDir().resolve("admin.token")));
    var body =
        Registration.json(
            partnerId,
            List.of("MANUFACTURER"),
            List.of(),
            List.of(Pem.writePublicKey(keys.publicKeySpki())));
    assertThat(admin.send("POST", "/v1/partners", body).statusCode()).isEqualTo(201);
    Path key = dataDir.resolve(partnerId + ".key.pem");
    Files.writeString(key, Pem.writePrivateKey(keys.privateKeyPkcs8()));
    return key;
  }

  /** The number of events keyed by each serial on custody.events, read committed to its end. */
  private static Map<String, Integer> eventsPerSerial() {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, Integer> counts = new HashMap<>();
    try (var consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(EVENTS).stream()
              .map(p -> new TopicPartition(EVENTS, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> counts.merge(r.key(), 1, Integer::sum));
      }
    }
    return counts;
  }

  /**
   * The serial's history as EPCIS, once custody-stream has folded at least the {@code events} keyed
   * by it (its containers' events come on top).
   */
  private static JsonNode epcisHistory(String serial, int events) throws Exception {
    return Eventually.await(
        () -> history(serial, "?format=epcis"),
        document -> document != null && custodyEvents(document) >= events,
        serial + "'s history with " + events + " events of its own");
  }

  /** The custody events an EPCIS document shows (an assembly is two EPCIS events). */
  private static long custodyEvents(JsonNode document) {
    var seen = new java.util.HashSet<String>();
    document
        .at("/epcisBody/eventList")
        .forEach(
            e ->
                seen.add(
                    e.path("sealtrail:custodyEventId").asText()
                        + " "
                        + e.path("sealtrail:partnerId").asText()));
    return seen.size();
  }

  /** {@code GET /v1/serials/{serial}/history<query>} with the recall token; null until found. */
  private static JsonNode history(String serial, String query) {
    String path =
        "/v1/serials/"
            + URLEncoder.encode(serial, StandardCharsets.UTF_8).replace("+", "%20")
            + "/history"
            + query;
    try {
      String token = BearerToken.read(config.tokensDir().resolve("recall.token"));
      var request =
          HttpRequest.newBuilder(platform.httpUrl().resolve(path))
              .header("Authorization", "Bearer " + token)
              .build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
