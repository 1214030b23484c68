package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.fixture.AssembledEvents;
import io.sealtrail.bench.fixture.EventJson;
import io.sealtrail.bench.http.BrowserFetch;
import io.sealtrail.bench.http.HttpLoad;
import io.sealtrail.bench.http.StreamedGet;
import io.sealtrail.bench.http.Tokens;
import io.sealtrail.bench.kafka.BenchCluster;
import io.sealtrail.bench.kafka.ConsumedWatch;
import io.sealtrail.bench.kafka.RawProducerRun;
import io.sealtrail.bench.stream.CustodyApp;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyNode;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.HttpSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Item 6: serial lookups and the trace of a lot with {@code lotDevices} devices on a running {@link
 * CustodyNode}, against the no-op routes of the same query server: a no-op GET, and a no-op GET
 * answering as many bytes as the trace did.
 */
public final class Queries implements Scenario {
  /** The custody configuration whose stores hold the lot, for the restore scenario. */
  public static final String LOT_CONFIG = "queries.lot-config";

  public static final String LOT_DEVICES = "queries.lot-devices";
  private static final int CLIENTS = 2;
  private static final int TRACES = 3;

  @Override
  public String name() {
    return "queries";
  }

  @Override
  public List<Row> run(BenchContext context) throws Exception {
    BenchCluster cluster = context.cluster();
    int devices = context.scale().lotDevices();
    String topic = context.fresh("lot-events");
    cluster.createTopics(Set.of(topic));
    Progress.say("queries: %,d ASSEMBLED events of one lot to %s", devices, topic);
    RawProducerRun.recordsPerSecond(
        cluster.bootstrapServers(),
        topic,
        AssembledEvents.records(topic, cluster.serdeConfig(), devices));
    String appId = context.fresh("lot-custody");
    CustodyConfig lot = CustodyApp.config(cluster, appId, topic, cluster.directory(appId));
    var tokens = new Tokens(cluster.directory(appId + "-tokens"));
    int port = BenchCluster.freePort();
    // Its own query server, without metrics.
    var http =
        new HttpSettings("127.0.0.1", port, "127.0.0.1", HttpBinding.NO_MANAGEMENT, tokens.dir());
    CustodyConfig config =
        new CustodyConfig(
            lot.streams(), lot.schemaRegistryUrl(), lot.topicNames(), lot.rules(), http);
    try (CustodyNode service = CustodyNode.start(config)) {
      long start = System.nanoTime();
      ConsumedWatch.awaitCommitted(
          cluster.admin(),
          appId,
          ConsumedWatch.endOffsets(cluster.admin(), topic),
          Duration.ofMinutes(10));
      ConsumedWatch.awaitCaughtUp(cluster.admin(), appId, Duration.ofMinutes(5));
      Progress.say(
          "queries: custody-stream folded the lot in %.1f s", (System.nanoTime() - start) / 1e9);
      var gets = new Gets(URI.create("http://127.0.0.1:" + port), tokens.bearer());
      List<Row> rows = new java.util.ArrayList<>(lookups(context, gets, devices));
      rows.addAll(traces(context, gets, devices));
      rows.addAll(streamedTrace(gets, devices));
      rows.addAll(browserTrace(gets, devices));
      context.remember(LOT_CONFIG, config);
      context.remember(LOT_DEVICES, devices);
      return rows;
    }
  }

  private static List<Row> lookups(BenchContext context, Gets gets, int devices) throws Exception {
    var load = new HttpLoad();
    Random random = new Random(8);
    List<HttpRequest> serials =
        IntStream.range(0, context.scale().lookups())
            .mapToObj(
                i -> gets.get("/v1/serials/" + AssembledEvents.serial(random.nextInt(devices))))
            .toList();
    List<HttpRequest> noops = serials.stream().map(r -> gets.get("/v1/bench/noop")).toList();
    load.run("warm-up, no-op", noops, CLIENTS);
    load.run("warm-up, lookups", serials, CLIENTS);
    HttpLoad.Result noop = load.run("no-op GET", noops, CLIENTS);
    HttpLoad.Result lookup = load.run("serial lookups", serials, CLIENTS);
    String figure = "GET /v1/serials/{serial}, " + CLIENTS + " clients, ";
    String baseline = "no-op GET, same server and clients, ";
    return List.of(
        new Row(
            6,
            figure + "p50",
            IngestHttp.ms(lookup, 50),
            baseline + "p50",
            IngestHttp.ms(noop, 50)),
        new Row(
            6,
            figure + "p99",
            IngestHttp.ms(lookup, 99),
            baseline + "p99",
            IngestHttp.ms(noop, 99)));
  }

  private static List<Row> traces(BenchContext context, Gets gets, int devices) throws Exception {
    var load = new HttpLoad();
    String path = "/v1/lots/" + EventJson.LOT + "/trace";
    // One trace: it reads every device's state, so the JIT is warm long before it ends.
    HttpLoad.Result trace =
        context
            .profiling()
            .around("lot-trace", () -> load.run("lot trace", List.of(gets.get(path)), 1));
    String body = new String(load.lastBody(), StandardCharsets.UTF_8);
    long traced = body.split("\"serial\"", -1).length - 1;
    if (traced != devices) {
      throw new IllegalStateException("the trace lists " + traced + " devices, not " + devices);
    }
    // A device's state fields are left out of the JSON when the trace did not find its state.
    long withState = body.split("\"status\":", -1).length - 1;
    if (withState != devices) {
      throw new IllegalStateException("the trace found the state of " + withState + " devices");
    }
    long bytes = load.lastBody().length;
    List<HttpRequest> same =
        IntStream.range(0, TRACES).mapToObj(i -> gets.get("/v1/bench/bytes/" + bytes)).toList();
    HttpLoad.Result noop = load.run("no-op GET of as many bytes", same, 1);
    String figure =
        "GET /v1/lots/{lot}/trace, " + devices + " devices (" + bytes / 1024 + " KiB JSON)";
    return List.of(
        new Row(
            6,
            figure,
            IngestHttp.ms(trace, 50),
            "no-op GET answering as many bytes (median of 3)",
            IngestHttp.ms(noop, 50)));
  }

  /**
   * The trace streamed as NDJSON (#18, #20): the time to its first byte and to its last, read as a
   * client reads a stream, against a no-op GET answering as many bytes, read the same way.
   */
  private static List<Row> streamedTrace(Gets gets, int devices) throws Exception {
    var client = new StreamedGet();
    String path = "/v1/lots/" + EventJson.LOT + "/trace?format=ndjson";
    StreamedGet.Timing trace = client.median(gets.get(path), TRACES);
    if (trace.lines() != devices) {
      throw new IllegalStateException("the NDJSON trace has " + trace.lines() + " lines");
    }
    StreamedGet.Timing noop = client.median(gets.get("/v1/bench/bytes/" + trace.bytes()), TRACES);
    String figure =
        "GET /v1/lots/{lot}/trace?format=ndjson, " + sized(devices, trace) + ", streamed";
    String baseline = "no-op GET of as many bytes, read the same way (median of 3)";
    return firstAndWhole(figure, "first byte", baseline, "first byte", trace, noop);
  }

  private static String sized(int devices, StreamedGet.Timing read) {
    return devices + " devices (" + read.bytes() / 1024 + " KiB)";
  }

  /**
   * The rows of a streamed read: to its first byte (or chunk) and to its end, each against the
   * no-op.
   */
  private static List<Row> firstAndWhole(
      String figure,
      String first,
      String baseline,
      String baselineFirst,
      StreamedGet.Timing trace,
      StreamedGet.Timing noop) {
    return List.of(
        new Row(
            6,
            figure + ": " + first,
            Row.of(trace.firstByteMs(), "ms"),
            baseline + ": " + baselineFirst,
            Row.of(noop.firstByteMs(), "ms")),
        new Row(
            6,
            figure + ": whole answer",
            Row.of(trace.wholeMs(), "ms"),
            baseline + ": whole answer",
            Row.of(noop.wholeMs(), "ms")));
  }

  /**
   * The NDJSON trace as the recall console reads it (#18): {@code fetch()} in headless Chromium,
   * read by a stream reader; the time to the first chunk (the first rows) and to the end, against
   * the no-op GET of as many bytes fetched and read the same way in the same browser.
   */
  private static List<Row> browserTrace(Gets gets, int devices) {
    if (!BrowserFetch.installed()) {
      Progress.say(
          "queries: no browser row: /usr/bin/chromium or /usr/bin/chromedriver is missing"
              + " (apt-get install chromium chromium-driver)");
      return List.of();
    }
    String path = "/v1/lots/" + EventJson.LOT + "/trace?format=ndjson";
    try (BrowserFetch browser = BrowserFetch.open(gets.server(), "/v1/bench/noop")) {
      StreamedGet.Timing trace = browser.median(path, gets.bearer(), TRACES);
      if (trace.lines() != devices) {
        throw new IllegalStateException("the browser read " + trace.lines() + " NDJSON lines");
      }
      StreamedGet.Timing noop =
          browser.median("/v1/bench/bytes/" + trace.bytes(), gets.bearer(), TRACES);
      if (noop.bytes() != trace.bytes()) {
        throw new IllegalStateException("the browser read " + noop.bytes() + " no-op bytes");
      }
      String figure =
          "fetch() in headless Chromium of the NDJSON trace, "
              + sized(devices, trace)
              + ", read by a stream reader";
      String baseline = "no-op GET of as many bytes, fetched the same way (median of 3)";
      return firstAndWhole(figure, "first rows", baseline, "first chunk", trace, noop);
    }
  }

  /** GET requests to one server, with the bearer token. */
  private record Gets(URI server, String bearer) {
    HttpRequest get(String path) {
      return HttpRequest.newBuilder(server.resolve(path))
          .header("Authorization", bearer)
          .timeout(Duration.ofMinutes(5))
          .GET()
          .build();
    }
  }
}
