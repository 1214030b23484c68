package io.sealtrail.cli.local;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import io.sealtrail.anomaly.topology.AnomalyApp;
import io.sealtrail.anomaly.topology.AnomalyConfig;
import io.sealtrail.anomaly.topology.TopicNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The anomaly-service streams as local mode runs them. The service has no HTTP API of its own yet;
 * when it has, local mode serves its beans on the one port like the others'.
 */
final class LocalAnomaly implements AutoCloseable {
  static final String SERVICE = "anomaly-service";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;

  private LocalAnomaly(KafkaStreams streams) {
    this.streams = streams;
  }

  static AnomalyConfig config(Map<String, String> flat) {
    return AnomalyConfig.from(flat);
  }

  /** The streams, not started. */
  static LocalAnomaly create(AnomalyConfig config) {
    KafkaStreams streams =
        new KafkaStreams(AnomalyApp.topology(config), config.streamsProperties());
    // An unexpected error stops the anomaly streams; the rest of local mode keeps running.
    streams.setUncaughtExceptionHandler(e -> SHUTDOWN_CLIENT);
    return new LocalAnomaly(streams);
  }

  /**
   * The topics the anomaly streams read and write; alerts compacted so that the latest version of
   * every alert stays.
   */
  static List<NewTopic> topics(AnomalyConfig config) {
    TopicNames names = config.topics();
    return List.of(
        brokerDefaults(names.violations()),
        brokerDefaults(names.events()),
        brokerDefaults(names.rejected()),
        brokerDefaults(names.commands()),
        brokerDefaults(names.alerts())
            .configs(
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
  }

  private static NewTopic brokerDefaults(String name) {
    return new NewTopic(name, Optional.empty(), Optional.empty());
  }

  void start() {
    streams.start();
  }

  KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
  }
}
