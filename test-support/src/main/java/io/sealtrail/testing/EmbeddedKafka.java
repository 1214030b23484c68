package io.sealtrail.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real KRaft cluster in this JVM (Kafka's own test kit, not a mock), started once per integration
 * test class that registers it with {@code @RegisterExtension static final EmbeddedKafka KAFKA =
 * new EmbeddedKafka();}: one broker, or {@code new EmbeddedKafka(3)} for a cluster whose internal
 * topics are replicated like production's (replication factor 3, min in-sync 2). {@link
 * #withSasl()} makes a cluster whose clients must authenticate (SASL/PLAIN), as a deployed one
 * does: a client made without {@link #clientSettings()} cannot reach it.
 */
public final class EmbeddedKafka implements BeforeAllCallback, AfterAllCallback {
  // The user the test kit's JAAS file makes a super user when its brokers speak SASL/PLAIN.
  private static final String SASL_USER = "plain-admin";
  private static final String SASL_PASSWORD = "plain-admin-secret";

  private final int brokers;
  private final boolean sasl;
  private KafkaClusterTestKit cluster;

  public EmbeddedKafka() {
    this(1);
  }

  public EmbeddedKafka(int brokers) {
    this(brokers, false);
  }

  private EmbeddedKafka(int brokers, boolean sasl) {
    if (brokers < 1) {
      throw new IllegalArgumentException("brokers must be positive: " + brokers);
    }
    this.brokers = brokers;
    this.sasl = sasl;
  }

  /** One broker whose client listener takes SASL/PLAIN only (the controller's stays plain). */
  public static EmbeddedKafka withSasl() {
    return new EmbeddedKafka(1, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setNumBrokerNodes(brokers)
                    .setNumControllerNodes(1)
                    .setBrokerSecurityProtocol(
                        sasl ? SecurityProtocol.SASL_PLAINTEXT : SecurityProtocol.PLAINTEXT)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", Integer.toString(brokers))
            .setConfigProp("offsets.topic.num.partitions", "3")
            .setConfigProp("transaction.state.log.replication.factor", Integer.toString(brokers))
            .setConfigProp("transaction.state.log.min.isr", Integer.toString(minInSync()))
            .setConfigProp("min.insync.replicas", Integer.toString(minInSync()))
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

  /** One fewer than the brokers (at least one): a write survives one broker's loss. */
  public int minInSync() {
    return Math.max(1, brokers - 1);
  }

  public int brokers() {
    return brokers;
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** Stops every broker (controllers stay up), for tests of what clients see in an outage. */
  public void stopBrokers() {
    cluster.brokers().values().forEach(broker -> broker.shutdown());
  }

  /**
   * Stops broker {@code id} for good (the controller stays up), as a lost node: the partitions it
   * led elect new leaders among the in-sync replicas left.
   */
  public void stopBroker(int id) {
    var broker = cluster.brokers().get(id);
    if (broker == null) {
      throw new IllegalArgumentException(
          "no broker " + id + " among " + cluster.brokers().keySet());
    }
    broker.shutdown();
  }

  /** Starts the brokers {@link #stopBrokers()} stopped, on their ports, and waits until ready. */
  public void startBrokers() throws Exception {
    cluster.brokers().values().forEach(broker -> broker.startup());
    cluster.waitForReadyBrokers();
  }

  /**
   * The security settings a client of this cluster needs (none for a plain one), as a service's
   * flat configuration carries them.
   */
  public Map<String, String> clientSettings() {
    if (!sasl) {
      return Map.of();
    }
    return Map.of(
        CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
        SecurityProtocol.SASL_PLAINTEXT.name,
        SaslConfigs.SASL_MECHANISM,
        "PLAIN",
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + SASL_USER
            + "\" password=\""
            + SASL_PASSWORD
            + "\";");
  }

  /** {@link #clientSettings()} and the bootstrap servers: the base of a test's own client. */
  public Map<String, Object> clientProperties() {
    Map<String, Object> p = new HashMap<>(clientSettings());
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return p;
  }

  /** An admin client for this cluster; the caller closes it. */
  public Admin admin() {
    return Admin.create(clientProperties());
  }

  /** A name no other test uses, so tests never see each other's records. */
  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
