package io.sealtrail.bench.latency;

import io.sealtrail.anomaly.topology.AnomalyApp;
import io.sealtrail.anomaly.topology.AnomalyConfig;
import io.sealtrail.bench.fixture.BenchIngest;
import io.sealtrail.bench.fixture.BenchPartner;
import io.sealtrail.bench.kafka.BenchCluster;
import io.sealtrail.bench.stream.CustodyApp;
import io.sealtrail.bench.stream.StreamsRun;
import io.sealtrail.custody.topology.CustodyStreamApp;
import io.sealtrail.custody.topology.CustodyStreamConfig;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestNode;
import io.sealtrail.ingest.gateway.SubmissionGateway;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole detection path running as in production, on topics of its own: an ingest node, the
 * custody-stream topology and the anomaly topology, both exactly-once as they are configured.
 */
public final class Pipeline implements AutoCloseable {
  private final IngestNode ingest;
  private final KafkaStreams custody;
  private final KafkaStreams anomaly;
  private final String violations;
  private final String alerts;

  private Pipeline(
      IngestNode ingest,
      KafkaStreams custody,
      KafkaStreams anomaly,
      String violations,
      String alerts) {
    this.ingest = ingest;
    this.custody = custody;
    this.anomaly = anomaly;
    this.violations = violations;
    this.alerts = alerts;
  }

  public static Pipeline start(BenchCluster cluster, String prefix, BenchPartner partner)
      throws Exception {
    IngestConfig ingestConfig = BenchIngest.prepare(cluster, prefix, partner);
    IngestNode ingest =
        IngestNode.start(ingestConfig, IngestNode.Options.defaults().withoutServer());
    String events = ingestConfig.topics().events();
    String custodyId = prefix + "-custody";
    CustodyStreamConfig custodyConfig =
        CustodyApp.config(cluster, custodyId, events, cluster.directory(custodyId));
    KafkaStreams custody =
        new KafkaStreams(
            CustodyStreamApp.topology(custodyConfig), custodyConfig.streamsProperties());
    String anomalyId = prefix + "-anomaly";
    String alerts = anomalyId + ".alerts";
    cluster.createTopics(List.of(alerts, anomalyId + ".commands"));
    AnomalyConfig anomalyConfig =
        AnomalyConfig.from(
            Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG,
                anomalyId,
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                AnomalyConfig.SCHEMA_REGISTRY_URL,
                String.valueOf(cluster.serdeConfig().get("schema.registry.url")),
                StreamsConfig.STATE_DIR_CONFIG,
                cluster.directory(anomalyId).toString(),
                StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG,
                "0",
                "sealtrail.topic.violations",
                custodyConfig.topics().violations(),
                "sealtrail.topic.events",
                events,
                "sealtrail.topic.rejected",
                ingestConfig.topics().rejected(),
                "sealtrail.topic.alerts",
                alerts,
                "sealtrail.topic.alert-commands",
                anomalyId + ".commands"));
    KafkaStreams anomaly =
        new KafkaStreams(AnomalyApp.topology(anomalyConfig), anomalyConfig.streamsProperties());
    var pipeline =
        new Pipeline(ingest, custody, anomaly, custodyConfig.topics().violations(), alerts);
    StreamsRun.startAndAwaitRunning(custody);
    StreamsRun.startAndAwaitRunning(anomaly);
    return pipeline;
  }

  public SubmissionGateway gateway() {
    return ingest.gateway();
  }

  public String violationsTopic() {
    return violations;
  }

  public String alertsTopic() {
    return alerts;
  }

  @Override
  public void close() throws Exception {
    anomaly.close();
    custody.close();
    ingest.close();
  }
}
