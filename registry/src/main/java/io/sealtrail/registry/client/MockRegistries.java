package io.sealtrail.registry.client;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaRegistryCore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-JVM registries behind {@code mock://scope} URLs, one per scope. This is deliberately
 * JVM-wide mutable state: serdes are created by Kafka from class names and a config map, so the
 * only way two of them (e.g. in a {@code TopologyTestDriver} test) share a registry is a scope name
 * resolved here, exactly as Confluent's {@code MockSchemaRegistry} does.
 */
public final class MockRegistries {
  private static final Map<String, SchemaRegistryCore> SCOPES = new ConcurrentHashMap<>();

  private MockRegistries() {}

  /** The registry of a scope, created empty (BACKWARD, like a fresh server) on first use. */
  public static SchemaRegistryCore scope(String scope) {
    return SCOPES.computeIfAbsent(
        scope, s -> SchemaRegistryCore.inMemory(CompatibilityLevel.BACKWARD));
  }

  /** Forgets a scope, so that a test can start from an empty registry. */
  public static void drop(String scope) {
    SCOPES.remove(scope);
  }
}
