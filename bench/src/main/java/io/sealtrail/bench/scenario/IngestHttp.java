package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.fixture.BenchIngest;
import io.sealtrail.bench.fixture.BenchPartner;
import io.sealtrail.bench.fixture.Envelopes;
import io.sealtrail.bench.http.HttpLoad;
import io.sealtrail.bench.http.JsonArray;
import io.sealtrail.bench.http.OpenLoopPlan;
import io.sealtrail.bench.http.Tokens;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Item 3: {@code POST /v1/events} with one envelope and with batches, events per second and latency
 * percentiles, each right after the same bodies were posted to the no-op route of the same server
 * ({@code /v1/bench/noop}) by the same clients. Then issue #20's two batched rows: the batched rate
 * against the ingest Kafka path's verified rate of the same run (when {@code ingest-kafka} ran
 * before), and the p99 of fresh batches offered open loop at half the batched rate just measured,
 * against the no-op route offered the same bodies at the same rate.
 */
public final class IngestHttp implements Scenario {
  private static final int SINGLE_CLIENTS = 8;
  private static final int BATCH_CLIENTS = 4;

  /** Requests sent to both routes before measuring, so neither is timed while the JIT warms up. */
  private static final int WARM_UP = 200;

  /** How long the open loop waits for its last answers before counting them as waited. */
  private static final Duration OPEN_LOOP_TIMEOUT = Duration.ofSeconds(60);

  @Override
  public String name() {
    return "ingest-http";
  }

  @Override
  public List<Row> run(BenchContext context) throws Exception {
    var cluster = context.cluster();
    String prefix = context.fresh("http");
    var partner = new BenchPartner();
    var tokens = new Tokens(cluster.directory(prefix + "-tokens"));
    IngestConfig config =
        BenchIngest.prepare(
            cluster,
            prefix,
            partner,
            Map.of(
                "sealtrail.http.host", "127.0.0.1",
                "sealtrail.http.port", "0",
                "sealtrail.management.port", "0",
                "sealtrail.tokens.dir", tokens.dir().toString()));
    Scale scale = context.scale();
    int batchSize = scale.httpBatchSize();
    int total = scale.httpSingleRequests() + scale.httpBatches() * batchSize;
    Progress.say("ingest-http: signing %,d events", total);
    List<byte[]> envelopes = Envelopes.assemblies(partner, prefix, (total + WARM_UP + 3) / 4);
    try (IngestNode service = IngestNode.start(config)) {
      var load = new HttpLoad();
      var bodies = new Bodies(service.url(), tokens.bearer());
      List<byte[]> warmUp = envelopes.subList(0, WARM_UP);
      load.run("warm-up, no-op", bodies.posts("/v1/bench/noop", warmUp), SINGLE_CLIENTS);
      load.run("warm-up, events", bodies.posts("/v1/events", warmUp), SINGLE_CLIENTS);
      List<byte[]> singles = envelopes.subList(WARM_UP, WARM_UP + scale.httpSingleRequests());
      List<byte[]> batches = new ArrayList<>();
      for (int i = WARM_UP + singles.size(); i + batchSize <= envelopes.size(); i += batchSize) {
        batches.add(JsonArray.of(envelopes.subList(i, i + batchSize)));
      }
      Progress.say("ingest-http: single-event POSTs, %d clients", SINGLE_CLIENTS);
      var noopSingle =
          load.run("no-op, single", bodies.posts("/v1/bench/noop", singles), SINGLE_CLIENTS);
      var single = load.run("events, single", bodies.posts("/v1/events", singles), SINGLE_CLIENTS);
      Progress.say("ingest-http: batches of %d, %d clients", batchSize, BATCH_CLIENTS);
      var noopBatch =
          load.run("no-op, batch", bodies.posts("/v1/bench/noop", batches), BATCH_CLIENTS);
      var batch = load.run("events, batch", bodies.posts("/v1/events", batches), BATCH_CLIENTS);
      List<Row> rows = new ArrayList<>(rows(single, noopSingle, batch, noopBatch, batchSize));
      double batchEvents = batch.requestsPerSecond() * batchSize;
      context
          .recalled(IngestKafkaPath.VERIFIED_RATE, Double.class)
          .ifPresent(kafkaPath -> rows.add(againstKafkaPath(batchEvents, kafkaPath, batchSize)));
      var plan = OpenLoopPlan.halfOf(batchEvents, batchSize, scale.latencyDuration());
      // Fresh envelopes (their own run id): posting the measured ones again would only time the
      // duplicate check.
      Progress.say(
          "ingest-http: open loop at half the batched rate, %.2f requests/s of %d, %d requests;"
              + " signing %,d events",
          plan.requestsPerSecond(), batchSize, plan.requests(), plan.requests() * batchSize);
      List<byte[]> fresh =
          Envelopes.assemblies(partner, prefix + "o", (plan.requests() * batchSize + 3) / 4);
      List<byte[]> openBatches = new ArrayList<>();
      for (int i = 0; i < plan.requests(); i++) {
        openBatches.add(JsonArray.of(fresh.subList(i * batchSize, (i + 1) * batchSize)));
      }
      var noopOpen = offer(load, bodies, "/v1/bench/noop", openBatches, plan);
      var open = offer(load, bodies, "/v1/events", openBatches, plan);
      rows.add(openLoop(open, noopOpen, plan, batchSize));
      return rows;
    }
  }

  /** The batches offered open loop to {@code route} as planned. */
  private static HttpLoad.Result offer(
      HttpLoad load, Bodies bodies, String route, List<byte[]> batches, OpenLoopPlan plan)
      throws Exception {
    return load.offer(
        route + ", batches, open loop",
        bodies.posts(route, batches),
        plan.requestsPerSecond(),
        OPEN_LOOP_TIMEOUT);
  }

  private static Row againstKafkaPath(double batchEvents, double kafkaPath, int batchSize) {
    return new Row(
        3,
        batches(batchSize) + ", events/s",
        Row.of(batchEvents, "events/s"),
        "item 2: ingest inbound→events, verified events/s, same run (#20 target: ratio ≥ 0.8)",
        Row.of(kafkaPath, "events/s"));
  }

  private static Row openLoop(
      HttpLoad.Result open, HttpLoad.Result noopOpen, OpenLoopPlan plan, int batchSize) {
    String rate =
        String.format(
            Locale.ROOT,
            "%.1f requests/s = %,.0f events/s",
            plan.requestsPerSecond(),
            plan.eventsPerSecond(batchSize));
    return new Row(
        3,
        "POST /v1/events, "
            + batchSize
            + " events/request, open loop at half the batched rate ("
            + rate
            + ", "
            + plan.requests()
            + " requests), p99 from the scheduled send (#20 target ≤ 100 ms)",
        ms(open, 99),
        "no-op POST, same bodies offered at the same rate, open loop, p99",
        ms(noopOpen, 99));
  }

  private static List<Row> rows(
      HttpLoad.Result single,
      HttpLoad.Result noopSingle,
      HttpLoad.Result batch,
      HttpLoad.Result noopBatch,
      int batchSize) {
    String singles = "POST /v1/events, 1 event/request, " + SINGLE_CLIENTS + " clients";
    String batches = batches(batchSize);
    String noopSingles = "no-op POST, same bodies and clients";
    return List.of(
        new Row(
            3,
            singles + ", events/s",
            Row.of(single.requestsPerSecond(), "events/s"),
            noopSingles,
            Row.of(noopSingle.requestsPerSecond(), "requests/s")),
        new Row(3, singles + ", p50", ms(single, 50), noopSingles + ", p50", ms(noopSingle, 50)),
        new Row(3, singles + ", p99", ms(single, 99), noopSingles + ", p99", ms(noopSingle, 99)),
        new Row(
            3,
            batches + ", events/s",
            Row.of(batch.requestsPerSecond() * batchSize, "events/s"),
            "no-op POST, same batch bodies",
            Row.of(noopBatch.requestsPerSecond() * batchSize, "events/s")),
        new Row(
            3,
            batches + ", p50",
            ms(batch, 50),
            "no-op POST, same batch bodies, p50",
            ms(noopBatch, 50)),
        new Row(
            3,
            batches + ", p99",
            ms(batch, 99),
            "no-op POST, same batch bodies, p99",
            ms(noopBatch, 99)));
  }

  private static String batches(int batchSize) {
    return "POST /v1/events, " + batchSize + " events/request, " + BATCH_CLIENTS + " clients";
  }

  static Row.Measure ms(HttpLoad.Result result, double percentile) {
    return Row.of(result.micros().getValueAtPercentile(percentile) / 1000.0, "ms");
  }

  /** POST requests of JSON bodies to one server, with the bearer token. */
  private record Bodies(URI server, String bearer) {
    List<HttpRequest> posts(String path, List<byte[]> bodies) {
      return bodies.stream()
          .map(
              body ->
                  HttpRequest.newBuilder(server.resolve(path))
                      .header("Content-Type", "application/json")
                      .header("Authorization", bearer)
                      .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                      .build())
          .toList();
    }
  }
}
