package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.fixture.BenchIngest;
import io.sealtrail.bench.fixture.BenchPartner;
import io.sealtrail.bench.fixture.Envelopes;
import io.sealtrail.bench.fixture.OutcomeCounter;
import io.sealtrail.bench.kafka.BenchCluster;
import io.sealtrail.bench.kafka.RawProducerRun;
import io.sealtrail.bench.kafka.RawProducerRun.Keyed;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestNode;
import io.sealtrail.log.LogConfig;
import io.sealtrail.log.LogNode;
import io.sealtrail.log.LogTopics;
import io.sealtrail.log.key.LogKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Issue 16's cost target for the transparency log: ingest's verified events per second from {@code
 * custody.inbound} to {@code custody.events} while a {@link LogNode} appends every accepted event
 * (exactly once, in the same JVM on the same broker, so it competes for the same cores as in local
 * mode), against the same ingest run on equal fresh envelopes without the log, right before it.
 * Target: at most 5 % slower (ratio ≥ 0.95).
 */
public final class LogAppendCost implements Scenario {
  private static final Duration RUNNING = Duration.ofMinutes(2);

  @Override
  public String name() {
    return "log-cost";
  }

  @Override
  public List<Row> run(BenchContext context) throws Exception {
    int devices = context.scale().ingestDevices();
    double without = ingestRate(context, "log-cost-off", devices, false);
    double with = ingestRate(context, "log-cost-on", devices, true);
    String unit = "events/s";
    return List.of(
        new Row(
            2,
            "ingest inbound→events with the log appending every accepted event",
            Row.of(with, unit),
            "the same ingest without the log (target: ratio ≥ 0.95)",
            Row.of(without, unit)));
  }

  private static double ingestRate(BenchContext context, String what, int devices, boolean log)
      throws Exception {
    BenchCluster cluster = context.cluster();
    String prefix = context.fresh(what);
    var partner = new BenchPartner();
    IngestConfig config = BenchIngest.prepare(cluster, prefix, partner);
    List<byte[]> envelopes = Envelopes.assemblies(partner, prefix, devices);
    List<Keyed> records = Envelopes.keyedByDevice(prefix, envelopes);
    RawProducerRun.recordsPerSecond(cluster.bootstrapServers(), config.topics().inbound(), records);
    LogNode node = log ? startLog(cluster, prefix, config.topics().events()) : null;
    try {
      Progress.say(
          "%s: ingest verifies %,d events%s", what, records.size(), log ? " (log on)" : "");
      var counter = new OutcomeCounter(records.size());
      double rate;
      try (IngestNode ingest =
          IngestNode.start(
              config, IngestNode.Options.defaults().withoutServer().withListener(counter))) {
        rate = counter.awaitRate(Duration.ofMinutes(5));
      }
      Progress.say("  %,.0f events/s", rate);
      return rate;
    } finally {
      if (node != null) {
        node.close();
      }
    }
  }

  /** A log service on the scenario's events topic, running before ingest starts. */
  private static LogNode startLog(BenchCluster cluster, String prefix, String events)
      throws Exception {
    Path dir = cluster.directory(prefix + "-log");
    Path tokens = Files.createDirectories(dir.resolve("tokens"));
    Map<String, String> flat = new HashMap<>();
    flat.put("bootstrap.servers", cluster.bootstrapServers());
    flat.put(
        "schema.registry.url", String.valueOf(cluster.serdeConfig().get("schema.registry.url")));
    flat.put(LogConfig.KEY_FILE, dir.resolve("log.key").toString());
    flat.put("application.id", prefix + "-log");
    flat.put("state.dir", dir.resolve("state").toString());
    flat.put("num.standby.replicas", "0");
    flat.put("sealtrail.topics.events", events);
    flat.put("sealtrail.topics.log", prefix + ".custody.log");
    flat.put("sealtrail.topics.log-checkpoints", prefix + ".custody.log.checkpoints");
    flat.put("sealtrail.topics.log-dlq", prefix + ".custody.log.dlq");
    // The log service chains audit entries too: topics of its own, beside the ingest's.
    flat.put("sealtrail.topics.audit-actions", prefix + ".custody.audit.actions");
    flat.put("sealtrail.topics.audit", prefix + ".custody.audit");
    flat.put("sealtrail.http.port", "0");
    flat.put("sealtrail.management.port", "-1");
    flat.put("sealtrail.tokens.dir", tokens.toString());
    LogConfig config = LogConfig.from(flat);
    LogKey.ensure(config.signing().keyFile(), config.signing().origin());
    LogTopics topics = LogTopics.from(config, config.serdeConfig());
    cluster.admin().createTopics(topics.newTopics((short) 1)).all().get();
    cluster.awaitLeaders(topics.all().stream().map(t -> t.name()).toList());
    LogNode node = LogNode.start(config);
    long deadline = System.nanoTime() + RUNNING.toNanos();
    while (node.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline) {
        node.close();
        throw new IllegalStateException("the log's streams did not run within " + RUNNING);
      }
      Thread.sleep(100);
    }
    return node;
  }
}
