package io.sealtrail.registry.testing;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.server.SchemaRegistryServer;
import io.sealtrail.registry.server.SchemaRegistryServerConfig;
import java.util.UUID;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node KRaft cluster in this JVM, started once per integration test class that
 * registers it with {@code @RegisterExtension static final EmbeddedKafka KAFKA = new
 * EmbeddedKafka();}.
 */
public final class EmbeddedKafka implements BeforeAllCallback, AfterAllCallback {
  private KafkaClusterTestKit cluster;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder().setNumBrokerNodes(1).setNumControllerNodes(1).build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
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

  /** An embedded registry on an ephemeral port over the given topic of this cluster. */
  public SchemaRegistryServer startRegistry(String topic) {
    return SchemaRegistryServer.start(
        new SchemaRegistryServerConfig(
            bootstrapServers(), "localhost", 0, topic, CompatibilityLevel.BACKWARD));
  }

  /** A name no other test uses, so tests never see each other's records. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
