package io.sealtrail.anomaly.console;

import static io.sealtrail.anomaly.fixtures.SignedEvents.forged;
import static io.sealtrail.anomaly.fixtures.SignedEvents.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.anomaly.fixtures.AnomalyHarness;
import io.sealtrail.anomaly.fixtures.ApiClient;
import io.sealtrail.anomaly.fixtures.CustodyCompanion;
import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.Commissioned;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestNode;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.http.Serving;
import io.sealtrail.platform.node.ServedNode;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.testing.Eventually;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.partner.PartnerRegistrationMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The console's recall views end to end: headless Chromium against the anomaly service's console,
 * custody-stream's query routes and ingest's partner routes on one server (as local mode serves
 * them), over custody events whose envelopes carry real Ed25519 and ECDSA P-256 signatures.
 */
@EnabledIf(
    value = "chromiumInstalled",
    disabledReason =
        "/usr/bin/chromium is absent: apt-get install chromium chromium-driver (.ci/run does)")
class RecallConsoleIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(12));
  static final String LOT = "LOT-CAP-7";
  static final String BIG_LOT = "LOT-CAP-BIG";
  static final int BIG = 620;
  static final String FACTORY = "factory-a";
  static final String STATION = "station-b";
  static final Path SHOTS = Path.of("target", "screenshots");
  static final Signer FACTORY_KEY = key(KeyAlgorithm.ED25519);
  static final Signer STATION_KEY = key(KeyAlgorithm.ECDSA_P256);
  @TempDir static Path dir;
  static AnomalyHarness harness;
  static CompletableFuture<HeadlessChromium> browser;
  static HeadlessChromium chromium;
  static CustodyCompanion custody;

  static boolean chromiumInstalled() {
    return HeadlessChromium.installed();
  }

  @BeforeAll
  static void start() throws Exception {
    Path profile = Files.createDirectories(dir.resolve("profile"));
    browser = CompletableFuture.supplyAsync(() -> HeadlessChromium.start(profile));
    custody = new CustodyCompanion(KAFKA, dir.resolve("custody"));
    harness = new AnomalyHarness(KAFKA, Map.of(), custody::start, RecallConsoleIT::ingest);
    custody.produce(lotEvents().toArray(VerifiedEvent[]::new));
    ApiClient recall = new ApiClient(harness.url(), harness.token(Role.RECALL));
    Eventually.await(
        () -> recall.getUnchecked("/v1/lots/" + LOT + "/trace").tree().path("devices"),
        devices ->
            devices.size() == 6
                && devices.findValues("firmwareVersion").stream().allMatch(JsonNode::isTextual),
        "the six devices of " + LOT + " traced with their firmware");
    Eventually.await(
        () -> recall.getUnchecked("/v1/serials/DEV-R2").tree().path("status").asText(),
        "IN_SERVICE"::equals,
        "DEV-R2 commissioned");
    chromium = browser.join();
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.closeOnceStarted(browser);
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void shouldTraceFilterAndExportALotThenVerifyASerialsSignaturesInTheBrowser() throws Exception {
    RecallPage page = new RecallPage(chromium).open(harness.url(), harness.token(Role.RECALL));
    assertThat(page.offeredViews()).containsExactly("trace", "serial", "firmware", "campaigns");
    assertThat(page.bodyAttribute("data-read-only")).isEqualTo("false");

    assertThat(page.trace(LOT))
        .containsExactlyInAnyOrder("DEV-R1", "DEV-R2", "DEV-R3", "DEV-R4", "DEV-R5", "DEV-R6");
    assertThat(page.tally("status", "IN_SERVICE")).isEqualTo(2);
    assertThat(page.tally("status", "IN_FACTORY")).isEqualTo(4);
    assertThat(page.tally("site", "BUD-F2")).isEqualTo(2);
    chromium.screenshot(SHOTS.resolve("recall-lot-trace.png"));

    assertThat(page.filter("status", "IN_FACTORY")).hasSize(4);
    assertThat(page.filter("site", "BUD-F2")).containsExactlyInAnyOrder("DEV-R5", "DEV-R6");
    assertThat(page.traceNote()).startsWith("showing 2 of 2 matching devices (6 in the lot)");
    // The counts stay those of the whole lot.
    assertThat(page.tally("status", "IN_FACTORY")).isEqualTo(4);
    assertThat(page.tally("site", "SZX-F1")).isEqualTo(4);
    List<String> csv = page.export("csv");

    // The exports are the server's files for the filters chosen.
    assertThat(csv.get(0)).isEqualTo(LOT + "-trace.csv");
    List<String> lines = csv.get(1).lines().toList();
    assertThat(lines.get(0)).startsWith("lot,supplier,serial,parts,status,custodian,site,");
    assertThat(lines.subList(1, lines.size()))
        .hasSize(2)
        .allMatch(
            l -> l.startsWith(LOT + ",") && l.contains(",IN_FACTORY,") && l.contains(",BUD-F2,"))
        .anyMatch(l -> l.contains(",DEV-R5,"))
        .anyMatch(l -> l.contains(",DEV-R6,"));
    assertThat(page.export("json").get(1)).contains("\"DEV-R5\"").doesNotContain("\"DEV-R1\"");
    assertThat(page.export("epcis").get(1))
        .contains("EPCISDocument", "DEV-R5", "DEV-R6")
        .doesNotContain("DEV-R1");

    page.filter("status", "");
    page.filter("site", "");
    page.openFromTrace("DEV-R1");

    assertThat(page.chain()).isEqualTo("intact");
    assertThat(page.timeline()).containsExactly("asm-DEV-R1", "flash-DEV-R1", "commission-DEV-R1");
    assertThat(page.signatures())
        .containsExactly(
            "asm-DEV-R1 valid browser " + FACTORY_KEY.keyId().hex(),
            "flash-DEV-R1 valid browser " + FACTORY_KEY.keyId().hex(),
            "flash-DEV-R1 valid browser " + STATION_KEY.keyId().hex(),
            "commission-DEV-R1 valid browser " + FACTORY_KEY.keyId().hex());
    assertThat(page.serialText())
        .contains("IN_SERVICE", "ED25519", "ECDSA_P256", "checked in this browser");
    chromium.screenshot(SHOTS.resolve("recall-serial.png"));
  }

  @Test
  void shouldKeepOnlyTheDrawnRowsAndAskTheServerForFilteredRowsWhenALotIsLarge() throws Exception {
    custody.produce(bigLotEvents().toArray(VerifiedEvent[]::new));
    ApiClient recall = new ApiClient(harness.url(), harness.token(Role.RECALL));
    Eventually.await(
        () -> recall.getUnchecked("/v1/lots/" + BIG_LOT + "/trace").tree().path("devices").size(),
        n -> n == BIG,
        "the " + BIG + " devices of " + BIG_LOT + " traced");
    RecallPage page = new RecallPage(chromium).open(harness.url(), harness.token(Role.RECALL));

    assertThat(page.trace(BIG_LOT)).hasSize(500);

    assertThat(page.traceNote()).startsWith("showing 500 of " + BIG + " devices");
    assertThat(page.heldRows()).isEqualTo(500);
    assertThat(page.tally("site", "SZX-F1")).isEqualTo(BIG - 20);
    assertThat(page.tally("site", "BUD-F2")).isEqualTo(20);

    List<String> filtered = page.filter("site", "BUD-F2");

    assertThat(filtered).hasSize(20).allMatch(s -> s.startsWith("BIG-B"));
    assertThat(page.heldRows()).isEqualTo(20);
    assertThat(page.traceNote())
        .startsWith("showing 20 of 20 matching devices (" + BIG + " in the lot)");
    assertThat(page.tally("site", "SZX-F1")).isEqualTo(BIG - 20);
    // The filter went to the server: the page asked for the lot's rows at BUD-F2 only.
    assertThat(page.askedFor("/v1/lots/" + BIG_LOT + "/trace?"))
        .anyMatch(url -> url.contains("format=ndjson") && url.contains("site=BUD-F2"));
  }

  @Test
  void shouldRefuseAForgedSignatureInTheBrowserWhenTheHistoryWasAlteredAfterSigning()
      throws Exception {
    RecallPage page = new RecallPage(chromium).open(harness.url(), harness.token(Role.RECALL));

    page.openSerial("DEV-R2");

    assertThat(page.signatures())
        .contains(
            "asm-DEV-R2 valid browser " + FACTORY_KEY.keyId().hex(),
            "commission-DEV-R2 invalid browser " + FACTORY_KEY.keyId().hex());
    assertThat(page.serialText()).contains("signature does NOT verify");
  }

  @Test
  void shouldCountEachFirmwareVersionsDevicesWhenAProductIsShown() throws Exception {
    RecallPage page = new RecallPage(chromium).open(harness.url(), harness.token(Role.RECALL));

    List<String> versions = page.firmware("gateway");

    assertThat(versions).containsExactlyInAnyOrder("1.4.2 3", "1.5.0 3");
    assertThat(page.firmwareText()).contains("3 devices");
    chromium.screenshot(SHOTS.resolve("recall-firmware.png"));
  }

  @Test
  void shouldShowTheAlertViewsAndNoRecallViewToASecopsToken() throws Exception {
    ConsolePage alerts = new ConsolePage(chromium).open(harness.url(), harness.token(Role.SECOPS));
    RecallPage page = new RecallPage(chromium);

    assertThat(page.offeredViews()).containsExactly("workspace", "report");
    assertThat(page.shows("workspace")).isTrue();
    assertThat(page.shows("trace")).isFalse();
    assertThat(page.shows("campaigns")).isFalse();
    assertThat(page.who()).contains("secops");
    assertThat(alerts.address()).doesNotContain(harness.token(Role.SECOPS));
  }

  @Test
  void shouldShowEveryViewToAnAdminToken() throws Exception {
    new ConsolePage(chromium).open(harness.url(), harness.token(Role.ADMIN));
    RecallPage page = new RecallPage(chromium);

    assertThat(page.offeredViews())
        .containsExactly("workspace", "report", "trace", "serial", "firmware", "campaigns");
  }

  @Test
  void shouldShowTheRecallViewsReadOnlyToAnAuditorToken() throws Exception {
    RecallPage page = new RecallPage(chromium).open(harness.url(), harness.token(Role.AUDITOR));

    assertThat(page.offeredViews()).containsExactly("trace", "serial", "firmware", "campaigns");
    assertThat(page.bodyAttribute("data-read-only")).isEqualTo("true");
    assertThat(page.who()).contains("auditor", "read only");
    assertThat(page.trace(LOT)).hasSize(6);
    page.openSerial("DEV-R3");
    assertThat(page.signatures()).isNotEmpty().allMatch(s -> s.contains(" valid browser "));
  }

  @Test
  void shouldRunACampaignFromALotInTheBrowserAndShowItReadOnlyToAnAuditorAndNotToSecops()
      throws Exception {
    RecallPage page = new RecallPage(chromium).open(harness.url(), harness.token(Role.RECALL));
    page.trace(LOT);

    String id = page.createCampaignFromTrace();

    assertThat(page.campaignDevices())
        .hasSize(6)
        .allMatch(d -> d.startsWith("DEV-R") && d.contains(" OPEN "));
    assertThat(page.campaignCount("OPEN")).isEqualTo(6);
    assertThat(page.campaignCount("NOTIFIED")).isZero();
    assertThat(page.campaignBar("OPEN")).isEqualTo(100.0);
    assertThat(page.campaignMoves("DEV-R1")).containsExactly("NOTIFIED");

    assertThat(page.moveCampaignDevice("DEV-R1", "NOTIFIED", "letter sent")).isEmpty();
    assertThat(page.campaignMoves("DEV-R1"))
        .containsExactly("RETURNED", "REMEDIATED", "UNREACHABLE");
    assertThat(page.moveCampaignDevice("DEV-R1", "RETURNED", "back at SZX")).isEmpty();

    assertThat(page.campaignDevices()).contains("DEV-R1 RETURNED recall back at SZX");
    assertThat(page.campaignCount("OPEN")).isEqualTo(5);
    assertThat(page.campaignCount("RETURNED")).isEqualTo(1);
    assertThat(page.campaignBar("RETURNED")).isCloseTo(100.0 / 6, within(0.01));
    assertThat(page.campaignProgressText()).startsWith("1 of 6 closed");
    assertThat(page.campaignMoves("DEV-R1")).isEmpty();

    // Moved behind the page's back by another caller: the page's stale offer is refused, the
    // server's reason is shown and the device as it now is.
    ApiClient admin = new ApiClient(harness.url(), harness.token(Role.ADMIN));
    assertThat(
            admin
                .post("/v1/campaigns/" + id + "/devices/DEV-R2", "{\"state\":\"NOTIFIED\"}")
                .status())
        .isEqualTo(200);
    assertThat(page.moveCampaignDevice("DEV-R2", "NOTIFIED", ""))
        .contains("DEV-R2 is NOTIFIED", "409", "RETURNED");
    assertThat(page.campaignMoves("DEV-R2"))
        .containsExactly("RETURNED", "REMEDIATED", "UNREACHABLE");
    assertThat(page.campaignCount("NOTIFIED")).isEqualTo(1);
    chromium.screenshot(SHOTS.resolve("recall-campaigns.png"));

    RecallPage auditor = new RecallPage(chromium).open(harness.url(), harness.token(Role.AUDITOR));
    auditor.openCampaign(id);
    assertThat(auditor.campaignDevices()).hasSize(6).contains("DEV-R1 RETURNED recall back at SZX");
    assertThat(auditor.campaignCount("NOTIFIED")).isEqualTo(1);
    assertThat(auditor.offersCampaignChanges()).isFalse();
    assertThat(auditor.campaignText()).doesNotContain("Move to");

    new ConsolePage(chromium).open(harness.url(), harness.token(Role.SECOPS));
    assertThat(new RecallPage(chromium).offeredViews()).doesNotContain("campaigns");
  }

  @Test
  void shouldHandOverEachStreamedDeviceBeforeTheAnswerEndsAndFallBackToTheJsonBody() {
    chromium.driver().get("about:blank");
    chromium.driver().get(harness.url() + "/");

    Object result = ((JavascriptExecutor) chromium.driver()).executeAsyncScript(TRACE_STREAM_PROBE);

    assertThat(String.valueOf(result))
        .isEqualTo(
            "stream:3 first-before-end:true serials:A,B,C customer:Zoë"
                + " | json:1 asked:ndjson,json device:D1/IN_FACTORY/1.0/h-1/depth 1"
                + " | json-on-200:1");
  }

  /**
   * Runs in the console's page: the streamed NDJSON (chunks cut inside a line and inside a UTF-8
   * character, the rest held back until the first device was handed over), then a server that
   * answers 406 to the format and one that answers today's JSON body with 200.
   */
  private static final String TRACE_STREAM_PROBE =
      """
      const done = arguments[arguments.length - 1];
      (async () => {
        const { streamTrace } = await import("/console/js/trace-stream.js");
        const real = window.fetch;
        const seen = [];
        const bytes = new TextEncoder().encode('{"serial":"A","customer":"Zoë"}\\n{"serial":"B"}\\n\\n{"serial":"C"}');
        const cut = bytes.indexOf(0xc3) + 1;
        let firstBeforeEnd = false;
        const body = new ReadableStream({
          async start(c) {
            c.enqueue(bytes.slice(0, cut));
            c.enqueue(bytes.slice(cut, 34));
            for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
            firstBeforeEnd = seen.length === 1;
            c.enqueue(bytes.slice(34));
            c.close();
          },
        });
        const asked = [];
        try {
          window.fetch = async () => new Response(body, { headers: { "Content-Type": "application/x-ndjson" } });
          const streamed = await streamTrace("L", (d) => seen.push(d));
          const json = [];
          window.fetch = async (url) => {
            asked.push(url.includes("format=ndjson") ? "ndjson" : "json");
            return asked.length === 1
              ? new Response('{"title":"Not acceptable"}', { status: 406, headers: { "Content-Type": "application/problem+json" } })
              : new Response(JSON.stringify({ lot: "L", devices: [{ serial: "D1", status: "IN_FACTORY", firmwareVersion: "1.0", firmwareImageSha256: "ab", holds: ["h-1"] }] }), { headers: { "Content-Type": "application/json" } });
          };
          const fallback = await streamTrace("L", (d) => json.push(d));
          window.fetch = async () => new Response('{"lot":"L","devices":[{"serial":"D2"}]}', { headers: { "Content-Type": "application/json" } });
          const onOk = await streamTrace("L", () => {});
          const d = json[0];
          done(`${streamed.mode}:${streamed.count} first-before-end:${firstBeforeEnd} serials:${seen.map((x) => x.serial).join(",")} customer:${seen[0].customer}`
            + ` | ${fallback.mode}:${fallback.count} asked:${asked.join(",")} device:${d.serial}/${d.status}/${d.firmware.version}/${d.hold.holdId}/depth ${d.depth}`
            + ` | ${onOk.mode}-on-200:${onOk.count}`);
        } finally {
          window.fetch = real;
        }
      })().catch((e) => done(`failed: ${e}`));
      """;

  /**
   * Six devices of {@link #LOT}: four assembled at SZX-F1, two at BUD-F2, each flashed (1.4.2 or
   * 1.5.0, the factory's Ed25519 signature and the station's ECDSA co-signature); DEV-R1 and DEV-R2
   * commissioned, DEV-R2's commissioning signed over other bytes.
   */
  private static List<VerifiedEvent> lotEvents() {
    List<VerifiedEvent> events = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      String serial = "DEV-R" + i;
      String site = i <= 4 ? "SZX-F1" : "BUD-F2";
      events.add(assembled(serial, site, hour(1).plusSeconds(i), LOT));
      boolean newer = i % 2 == 0;
      events.add(
          signed(
              event(
                  "flash-" + serial,
                  EventType.FIRMWARE_FLASHED,
                  serial,
                  site,
                  hour(2).plusSeconds(i),
                  new FirmwareFlashed(
                      "gateway", newer ? "1.5.0" : "1.4.2", (newer ? "bb" : "aa").repeat(32))),
              FACTORY_KEY,
              STATION_KEY));
    }
    for (String serial : List.of("DEV-R1", "DEV-R2")) {
      CustodyEvent commissioned =
          event(
              "commission-" + serial,
              EventType.COMMISSIONED,
              serial,
              "SZX-F1",
              hour(3),
              new Commissioned("ACME Hospital"));
      events.add(
          serial.equals("DEV-R2")
              ? forged(commissioned, FACTORY_KEY)
              : signed(commissioned, FACTORY_KEY));
    }
    return events;
  }

  /** {@link #BIG} devices of {@link #BIG_LOT}: the last 20 assembled at BUD-F2, the rest SZX-F1. */
  private static List<VerifiedEvent> bigLotEvents() {
    List<VerifiedEvent> events = new ArrayList<>();
    for (int i = 0; i < BIG; i++) {
      boolean budapest = i >= BIG - 20;
      String serial = String.format("BIG-%s%04d", budapest ? "B" : "S", i);
      events.add(assembled(serial, budapest ? "BUD-F2" : "SZX-F1", hour(1).plusMillis(i), BIG_LOT));
    }
    return events;
  }

  /** {@code serial} assembled at {@code site} with a capacitor of {@code lot}, factory-signed. */
  private static VerifiedEvent assembled(String serial, String site, Instant at, String lot) {
    return signed(
        event(
            "asm-" + serial,
            EventType.ASSEMBLED,
            serial,
            site,
            at,
            new Assembled("gateway", "A", List.of(new ComponentRef("PN-CAP", null, lot)))),
        FACTORY_KEY);
  }

  private static CustodyEvent event(
      String id, EventType type, String serial, String site, Instant at, Object detail) {
    return CustodyEvent.newBuilder()
        .setEventId(id)
        .setType(type)
        .setOccurredAt(at)
        .setPartnerId(FACTORY)
        .setSite(site)
        .setStation(type == EventType.FIRMWARE_FLASHED ? "ST-1" : null)
        .setSubject(serial)
        .setDetail(detail)
        .build();
  }

  /** Ingest shared on the same port for its partner routes, both partners registered first. */
  private static ServedNode ingest(Serving serving) throws Exception {
    String scope = EmbeddedKafka.uniqueName("recall-ingest");
    IngestConfig flat =
        IngestConfig.from(
            Map.of(
                "bootstrap.servers",
                KAFKA.bootstrapServers(),
                "schema.registry.url",
                "mock://" + scope,
                "sealtrail.ingest.instance-id",
                scope,
                "sealtrail.ingest.group-prefix",
                scope,
                "sealtrail.topics.partitions",
                "1",
                "sealtrail.topics.replication-factor",
                "1"));
    IngestConfig config = flat.withTopics(flat.topics().prefixed(scope + "."));
    try (var serde = new SpecificAvroSerde<>(PartnerRegistration.class);
        var producer =
            new KafkaProducer<String, PartnerRegistration>(
                Map.of("bootstrap.servers", KAFKA.bootstrapServers()),
                new StringSerializer(),
                serde.serializer())) {
      serde.configure(config.serdeConfig(), false);
      for (Partner partner :
          List.of(partner(FACTORY, FACTORY_KEY), partner(STATION, STATION_KEY))) {
        producer
            .send(
                new ProducerRecord<>(
                    config.topics().partners(),
                    partner.partnerId(),
                    PartnerRegistrationMapping.toRegistration(partner, Instant.now(), "it")))
            .get();
      }
    }
    return IngestNode.start(config, IngestNode.Options.defaults().withServing(serving));
  }

  private static Partner partner(String id, Signer key) {
    return new Partner(
        id, Set.of("MANUFACTURER"), Set.of(), List.of(PartnerKey.unbounded(key.verifier())));
  }

  private static Signer key(KeyAlgorithm algorithm) {
    return Signers.forKey(KeyPairs.generate(algorithm, new SecureRandom()).privateKeyPkcs8());
  }

  private static Instant hour(int h) {
    return T0.plus(Duration.ofHours(h));
  }
}
