package io.sealtrail.bench.latency;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sealtrail.anomaly.AnomalyConfig;
import io.sealtrail.anomaly.AnomalyNode;
import io.sealtrail.bench.fixture.BenchIngest;
import io.sealtrail.bench.fixture.BenchPartner;
import io.sealtrail.bench.kafka.BenchCluster;
import io.sealtrail.bench.stream.CustodyApp;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyNode;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestNode;
import io.sealtrail.ingest.gateway.SubmissionGateway;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.platform.http.Serving;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole detection path running as in production, on topics of its own: an ingest node, a
 * custody-stream node and an anomaly-service node, both exactly-once as they are configured, their
 * routes unserved. Every consumer group it runs (ingest's, custody-stream's, anomaly's) is named
 * after {@code prefix}.
 */
public final class Pipeline implements AutoCloseable {
  private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(5);
  private final IngestNode ingestNode;
  private final CustodyNode custody;
  private final AnomalyNode anomaly;
  private final String violations;
  private final String alerts;

  private Pipeline(
      IngestNode ingest,
      CustodyNode custody,
      AnomalyNode anomaly,
      String violations,
      String alerts) {
    this.ingestNode = ingest;
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
    CustodyConfig custodyConfig =
        CustodyApp.config(cluster, custodyId, events, cluster.directory(custodyId));
    String violations =
        CustodyTopics.from(custodyConfig, custodyConfig.serdeConfig()).violations().name();
    Serving unserved = Serving.shared(new SimpleMeterRegistry());
    CustodyNode custody = CustodyNode.start(custodyConfig, unserved);
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
                "sealtrail.topics.violations",
                violations,
                "sealtrail.topics.events",
                events,
                "sealtrail.topics.rejected",
                ingestConfig.topics().rejected(),
                "sealtrail.topics.alerts",
                alerts,
                "sealtrail.topics.alert-commands",
                anomalyId + ".commands"));
    AnomalyNode anomaly = AnomalyNode.start(anomalyConfig, unserved);
    var pipeline = new Pipeline(ingest, custody, anomaly, violations, alerts);
    custody.startStreams();
    anomaly.startStreams();
    awaitRunning("custody-stream", custody::state);
    awaitRunning("anomaly-service", anomaly::state);
    return pipeline;
  }

  private static void awaitRunning(String service, Supplier<KafkaStreams.State> state)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + RUNNING_TIMEOUT.toNanos();
    while (state.get() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(service + " streams not RUNNING within " + RUNNING_TIMEOUT);
      }
      Thread.sleep(100);
    }
  }

  public SubmissionGateway gateway() {
    return ingestNode.gateway();
  }

  /** Submits one envelope as the HTTP route would; completes with its committed outcome. */
  public CompletableFuture<SubmissionResult> submit(byte[] envelope) {
    return gateway().submit(Submission.http(envelope, Instant.now(), "bench"));
  }

  /** The serial an alert is about: alert ids are {@code TYPE:serial@firstSeenMillis}. */
  public static String serialOfAlert(String alertId) {
    return alertId.substring(alertId.indexOf(':') + 1, alertId.lastIndexOf('@'));
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
    ingestNode.close();
  }
}
