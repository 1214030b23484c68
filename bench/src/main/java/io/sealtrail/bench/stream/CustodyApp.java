package io.sealtrail.bench.stream;

import io.sealtrail.bench.kafka.BenchCluster;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.trust.policy.PolicyTopic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * custody-stream's own configuration for a bench run: one instance (no standby), its topics named
 * {@code <appId>.*} and created here, and the processing guarantee asked for.
 */
public final class CustodyApp {
  /** Both guarantees commit as often: the difference measured is the transactions alone. */
  public static final int COMMIT_INTERVAL_MS = 100;

  private CustodyApp() {}

  public static CustodyConfig config(
      BenchCluster cluster, String appId, String eventsTopic, Path stateDir) throws Exception {
    List<String> outputs =
        List.of(
            appId + ".state",
            appId + ".violations",
            appId + ".releases",
            appId + ".dlq",
            appId + ".holds",
            appId + ".layouts",
            appId + ".campaigns",
            appId + ".policy");
    cluster.createTopics(outputs);
    // The holds, layouts, campaigns and policy topics feed global stores that need them to exist:
    // without
    // their own, a scenario run alone (--only queries) failed on a missing custody.holds, and on a
    // loaded machine on a custody.layouts not yet auto-created when the global thread started.
    return CustodyConfig.from(
        Map.ofEntries(
            Map.entry("sealtrail.topics.holds", outputs.get(4)),
            Map.entry("sealtrail.topics.layouts", outputs.get(5)),
            Map.entry("sealtrail.topics.campaigns", outputs.get(6)),
            Map.entry("sealtrail.topics." + PolicyTopic.ID, outputs.get(7)),
            Map.entry(StreamsConfig.APPLICATION_ID_CONFIG, appId),
            Map.entry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
            Map.entry(
                CustodyConfig.SCHEMA_REGISTRY_URL,
                String.valueOf(cluster.serdeConfig().get("schema.registry.url"))),
            Map.entry(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()),
            Map.entry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0"),
            Map.entry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, outputs.get(3)),
            Map.entry("sealtrail.topics.events", eventsTopic),
            Map.entry("sealtrail.topics.state", outputs.get(0)),
            Map.entry("sealtrail.topics.violations", outputs.get(1)),
            Map.entry("sealtrail.topics.releases", outputs.get(2))));
  }

  /** {@code properties} with {@code guarantee} and the common commit interval. */
  public static Properties withGuarantee(Properties properties, String guarantee) {
    Properties p = new Properties();
    p.putAll(properties);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
    return p;
  }
}
