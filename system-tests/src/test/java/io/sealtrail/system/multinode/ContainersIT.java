package io.sealtrail.system.multinode;

import io.sealtrail.system.config.DeployFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The failover scenario of {@link MultiNodeIT} against the real images deploy/docker-compose.yml
 * names: Apache Kafka and Confluent Schema Registry, in containers. Skipped where no Docker engine
 * is reachable ("Docker is not available"). With Docker:
 *
 * <pre>
 * ./mvnw -B -pl system-tests -am verify -Dit.test=ContainersIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersIT {
  static final Network NETWORK = Network.newNetwork();

  @Container
  static final KafkaContainer KAFKA =
      new KafkaContainer(composeImage("kafka-1"))
          .withNetwork(NETWORK)
          // The registry container reaches the broker here; the services on the host use the
          // mapped bootstrap port.
          .withListener("kafka:19092");

  @Container
  static final GenericContainer<?> REGISTRY =
      new GenericContainer<>(composeImage("schema-registry"))
          .withNetwork(NETWORK)
          .withExposedPorts(8081)
          .withEnv(
              Map.of(
                  "SCHEMA_REGISTRY_HOST_NAME", "schema-registry",
                  "SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081",
                  "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092",
                  "SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1"))
          .dependsOn(KAFKA)
          .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

  @Test
  void shouldKeepEveryAcknowledgedEventOnceOnRealKafkaAndConfluentSchemaRegistry()
      throws Exception {
    Path work = ServiceProcess.workDirectory("containers");
    URI registry = URI.create("http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081));
    try (var scenario =
        new FailoverScenario(new Platform(KAFKA.getBootstrapServers(), registry, 1), work)) {
      scenario.run();
    }
  }

  /** The image a compose service runs, so that this test and deploy/ never drift apart. */
  private static String composeImage(String service) {
    try {
      return String.valueOf(DeployFiles.at(DeployFiles.compose(), "services", service, "image"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
