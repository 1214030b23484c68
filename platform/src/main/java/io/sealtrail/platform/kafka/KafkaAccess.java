package io.sealtrail.platform.kafka;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where a service's own clients reach Kafka and how they authenticate: the bootstrap servers and
 * the client settings of its configuration ({@link KafkaOverrides}: security, tuning). Every
 * producer and consumer a service makes beside its Streams application starts from this, so that
 * none of them connects without the cluster's security settings.
 */
public record KafkaAccess(String bootstrapServers, Map<String, String> settings) {
  public KafkaAccess {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    settings = Map.copyOf(settings);
  }

  /** A cluster without security settings (tests, local mode). */
  public static KafkaAccess plain(String bootstrapServers) {
    return new KafkaAccess(bootstrapServers, Map.of());
  }

  /** The settings, then the bootstrap servers; a client adds its own on top. */
  public Properties properties() {
    Properties p = new Properties();
    p.putAll(settings);
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return p;
  }
}
