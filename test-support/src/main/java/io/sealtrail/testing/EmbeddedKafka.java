package io.sealtrail.testing;

import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node KRaft cluster in this JVM (Kafka's own test kit, not a mock), started once per
 * integration test class that registers it with {@code @RegisterExtension static final
 * EmbeddedKafka KAFKA = new EmbeddedKafka();}.
 */
public final class EmbeddedKafka implements BeforeAllCallback, AfterAllCallback {
  private KafkaClusterTestKit cluster;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder().setNumBrokerNodes(1).setNumControllerNodes(1).build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "3")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("transaction.state.log.num.partitions", "3")
            // Tests start consumers one after another; no need to wait for more members.
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** Stops every broker (controllers stay up), for tests of what clients see in an outage. */
  public void stopBrokers() {
    cluster.brokers().values().forEach(broker -> broker.shutdown());
  }

  /** Starts the brokers {@link #stopBrokers()} stopped, on their ports, and waits until ready. */
  public void startBrokers() throws Exception {
    cluster.brokers().values().forEach(broker -> broker.startup());
    cluster.waitForReadyBrokers();
  }

  /** An admin client for this cluster; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /** A name no other test uses, so tests never see each other's records. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
