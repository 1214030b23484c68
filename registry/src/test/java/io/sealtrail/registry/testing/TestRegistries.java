package io.sealtrail.registry.testing;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.server.SchemaRegistryServer;
import io.sealtrail.registry.server.SchemaRegistryServerConfig;
import io.sealtrail.testing.EmbeddedKafka;

/** Embedded registries for integration tests, each over its own topic of the test broker. */
public final class TestRegistries {

  private TestRegistries() {}

  /** An embedded registry on an ephemeral port over {@code topic} of {@code kafka}. */
  public static SchemaRegistryServer start(EmbeddedKafka kafka, String topic) {
    return SchemaRegistryServer.start(
        new SchemaRegistryServerConfig(
            kafka.bootstrapServers(), "localhost", 0, topic, CompatibilityLevel.BACKWARD));
  }
}
