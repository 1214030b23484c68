package io.sealtrail.ingest;

import static io.sealtrail.platform.env.EnvSetting.optional;
import static io.sealtrail.platform.env.EnvSetting.required;

import io.sealtrail.ingest.topics.IngestTopics;
import io.sealtrail.platform.env.EnvConfig;
import io.sealtrail.platform.http.HttpBinding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an ingest container is configured with: every environment variable {@link IngestMain} reads
 * (documented in deploy/README.md), turned into the flat keys of {@link IngestConfig}. An unset
 * optional variable leaves the default of the class that reads the key.
 */
public record IngestEnvironment(
    Map<String, String> flat,
    String instanceId,
    String httpHost,
    int httpPort,
    int managementPort,
    Path tokensDir) {
  static final String HTTP_HOST = "sealtrail.http.host";
  static final String HTTP_PORT = "sealtrail.http.port";
  static final String TOKENS_DIR = "sealtrail.tokens.dir";
  static final String INSTANCE_ID = "sealtrail.ingest.instance-id";
  static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Every variable ingest reads, besides the {@code KAFKA_CLIENT_*} client settings. */
  public static final EnvConfig VARIABLES =
      new EnvConfig(
          List.of(
              required("bootstrap.servers"),
              required(SCHEMA_REGISTRY_URL),
              optional(INSTANCE_ID),
              optional("sealtrail.ingest.group-prefix"),
              optional("sealtrail.ingest.clock-skew"),
              optional("sealtrail.ingest.max-event-age"),
              optional("sealtrail.ingest.dedup-window"),
              optional("sealtrail.ingest.kafka-timeout"),
              optional("sealtrail.ingest.reply-timeout"),
              optional("sealtrail.topics.inbound"),
              optional("sealtrail.topics.submissions"),
              optional("sealtrail.topics.events"),
              optional("sealtrail.topics.rejected"),
              optional("sealtrail.topics.dedup"),
              optional("sealtrail.topics.replies"),
              optional("sealtrail.topics.partners"),
              optional("sealtrail.topics.partitions"),
              optional("sealtrail.topics.replication-factor"),
              optional(HTTP_HOST),
              optional(HTTP_PORT),
              optional(HttpBinding.MANAGEMENT_PORT_KEY),
              optional(TOKENS_DIR)));

  /**
   * Reads {@code env}; the instance id defaults to {@code HOSTNAME} (the pod or container name).
   */
  public static IngestEnvironment from(Map<String, String> env) {
    Map<String, String> flat = new java.util.HashMap<>(VARIABLES.read(env));
    flat.putIfAbsent(INSTANCE_ID, env.getOrDefault("HOSTNAME", "ingest-0"));
    String host = flat.getOrDefault(HTTP_HOST, "0.0.0.0");
    int port = Integer.parseInt(flat.getOrDefault(HTTP_PORT, "8080"));
    int management = HttpBinding.managementPort(flat);
    Path tokens = Path.of(flat.getOrDefault(TOKENS_DIR, "/etc/sealtrail/tokens"));
    // The HTTP keys are not Kafka client settings: IngestConfig would pass them to every client.
    flat.remove(HTTP_HOST);
    flat.remove(HTTP_PORT);
    flat.remove(TOKENS_DIR);
    flat.remove(HttpBinding.MANAGEMENT_PORT_KEY);
    return new IngestEnvironment(
        Map.copyOf(flat), flat.get(INSTANCE_ID), host, port, management, tokens);
  }

  /** The configuration of the ingest node. */
  public IngestConfig ingestConfig() {
    Map<String, String> kafka = new java.util.HashMap<>(flat);
    kafka.remove(SCHEMA_REGISTRY_URL);
    return IngestConfig.fromConfig(kafka);
  }

  /** The serde settings: the registry, where ingest registers the schemas it writes. */
  public Map<String, Object> serdeConfig() {
    return Map.of(
        SCHEMA_REGISTRY_URL, flat.get(SCHEMA_REGISTRY_URL), "auto.register.schemas", true);
  }

  /** The topics ingest reads and writes, with the partitions it creates them with. */
  public IngestTopics topics() {
    return IngestTopics.fromConfig(flat);
  }
}
