package io.sealtrail.registry.client;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Builds the client a configuration asks for: {@code mock://scope} gives the in-JVM registry of
 * that scope, anything else the REST client; both wrapped in the caching client.
 */
public final class SchemaRegistryClients {
  public static final String MOCK_SCHEME = "mock";

  private SchemaRegistryClients() {}

  public static SchemaRegistryClient create(Map<String, ?> configs) {
    RegistryClientConfig config = RegistryClientConfig.from(configs);
    return new CachedSchemaRegistryClient(
        direct(config), config.cacheCapacity(), config.latestTtl(), Clock.systemUTC());
  }

  private static SchemaRegistryClient direct(RegistryClientConfig config) {
    URI first = config.urls().get(0);
    if (!MOCK_SCHEME.equals(first.getScheme())) {
      return new RestSchemaRegistryClient(config);
    }
    if (config.urls().size() > 1) {
      throw new IllegalArgumentException(
          "A mock:// registry URL cannot be combined with other URLs: " + config.urls());
    }
    return new LocalSchemaRegistryClient(
        MockRegistries.scope(first.getSchemeSpecificPart().replaceFirst("^//", "")));
  }
}
