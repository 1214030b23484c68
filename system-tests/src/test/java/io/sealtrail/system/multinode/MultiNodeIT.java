package io.sealtrail.system.multinode;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.server.SchemaRegistryServer;
import io.sealtrail.registry.server.SchemaRegistryServerConfig;
import io.sealtrail.testing.EmbeddedKafka;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The failover scenario on an in-process three-broker KRaft cluster (every topic replicated three
 * times, writes acknowledged by two) with the project's Confluent-compatible registry; the services
 * run as separate processes, two instances each of ingest, custody-stream and anomaly-service:
 * ingest and custody-stream paused past their session timeout, one instance of each service killed,
 * then the broker leading custody.events-0 stopped for good.
 */
class MultiNodeIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka(3);

  @Test
  void shouldKeepEveryAcknowledgedEventOnceAndAnswerEverySerialWhenInstancesAndALeaderBrokerFail()
      throws Exception {
    Path work = ServiceProcess.workDirectory("multinode");
    try (var registry =
            SchemaRegistryServer.start(
                new SchemaRegistryServerConfig(
                    KAFKA.bootstrapServers(),
                    "localhost",
                    0,
                    "_schemas",
                    CompatibilityLevel.BACKWARD));
        var scenario =
            new FailoverScenario(
                new Platform(KAFKA.bootstrapServers(), registry.url(), KAFKA.brokers()),
                work,
                KAFKA::stopBroker)) {
      scenario.run();
    }
  }
}
