package io.sealtrail.anomaly.service;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.sealtrail.anomaly.chart.SpikeCharts;
import io.sealtrail.anomaly.chart.SpikeStoreReader;
import io.sealtrail.anomaly.lifecycle.CommandSender;
import io.sealtrail.anomaly.metrics.AlertMetrics;
import io.sealtrail.anomaly.notify.WebhookNotifier;
import io.sealtrail.anomaly.topology.AnomalyApp;
import io.sealtrail.anomaly.topology.AnomalyConfig;
import io.sealtrail.anomaly.topology.TopicNames;
import io.sealtrail.anomaly.topology.Topics;
import io.sealtrail.anomaly.view.AlertFeed;
import io.sealtrail.anomaly.view.AlertView;
import io.sealtrail.platform.health.ConditionCheck;
import io.sealtrail.platform.health.LoopHealthCheck;
import io.sealtrail.platform.health.StreamsHealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One running anomaly service: the streams application (exactly once), the alert view that feeds
 * the API, lifecycle metrics, the command writer and, when configured, the webhook notifier. Local
 * mode calls {@link #start}, creates {@link #topics} first and serves {@link #httpBeans()} (plus
 * its {@code RoleTokens}) on its one port; {@link AnomalyMain} does the same on its own.
 */
public final class AnomalyService implements AutoCloseable {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaStreams streams;
  private final KafkaStreamsMetrics streamsMetrics;
  private final AlertFeed feed;
  private final CommandSender commands;
  private final WebhookNotifier notifier;
  private final AnomalyBackend backend;

  private AnomalyService(
      KafkaStreams streams,
      KafkaStreamsMetrics streamsMetrics,
      AlertFeed feed,
      CommandSender commands,
      WebhookNotifier notifier,
      AnomalyBackend backend) {
    this.streams = streams;
    this.streamsMetrics = streamsMetrics;
    this.feed = feed;
    this.commands = commands;
    this.notifier = notifier;
    this.backend = backend;
  }

  /** Starts everything; lifecycle meters and the streams' metrics go to {@code registry}. */
  public static AnomalyService start(ServiceConfig config, MeterRegistry registry) {
    return start(config, registry, null);
  }

  /**
   * Starts one of several instances, whose HTTP server answers at {@code advertised} (its {@code
   * application.server}; null when alone): spike charts held elsewhere are read there.
   */
  public static AnomalyService start(
      ServiceConfig config, MeterRegistry registry, HostInfo advertised) {
    AnomalyConfig anomaly = config.anomaly();
    Topics topics = Topics.from(anomaly.topics(), anomaly.serdeConfig());
    Properties properties = anomaly.streamsProperties();
    if (advertised != null) {
      properties.put(
          StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port());
    }
    KafkaStreams streams = new KafkaStreams(AnomalyApp.topology(anomaly), properties);
    // An unexpected error stops this instance; its partitions move to the others.
    streams.setUncaughtExceptionHandler(e -> SHUTDOWN_CLIENT);
    KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(registry);
    AlertView view = new AlertView();
    view.listen(new AlertMetrics(registry, Clock.systemUTC()));
    String bootstrap = anomaly.bootstrapServers();
    AlertFeed feed =
        new AlertFeed(
            bootstrap,
            anomaly.topics().alerts(),
            topics.alerts().valueSerde().deserializer(),
            view);
    CommandSender commands = new CommandSender(bootstrap, anomaly.topics().commands());
    WebhookNotifier notifier =
        config
            .webhook()
            .map(
                w ->
                    new WebhookNotifier(
                        Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrap,
                            ConsumerConfig.GROUP_ID_CONFIG,
                            anomaly.applicationId() + "-webhook"),
                        anomaly.topics().alerts(),
                        topics.alerts().valueSerde().deserializer(),
                        w,
                        registry))
            .orElse(null);
    SpikeCharts charts =
        new SpikeCharts(
            SpikeStoreReader.of(streams, advertised),
            List.of(anomaly.rules().attestationSpikeKind(), anomaly.rules().rejectionSpikeKind()));
    AnomalyService service =
        new AnomalyService(
            streams,
            streamsMetrics,
            feed,
            commands,
            notifier,
            new AnomalyBackend(view, commands, charts));
    try {
      streams.start();
      feed.start();
      if (notifier != null) {
        notifier.start();
      }
    } catch (RuntimeException e) {
      // Nothing half-started is left behind: clients, threads and the streams are closed.
      service.close();
      throw e;
    }
    return service;
  }

  /**
   * The beans the HTTP server needs for the anomaly routes and health (ready while the streams run,
   * the alert view has read what was published before it started, and the alert feed and webhook
   * notifier loops still run); the caller adds its RoleTokens.
   */
  public List<Object> httpBeans() {
    List<Object> beans = new ArrayList<>();
    beans.add(backend);
    beans.add(new StreamsHealthCheck("anomalyStreams", () -> streams.state().name()));
    beans.add(
        new ConditionCheck(
            "alertView", backend.alerts()::caughtUp, "alert view still reading the alerts", false));
    beans.add(new LoopHealthCheck(AlertFeed.NAME, feed.stopped()));
    if (notifier != null) {
      beans.add(new LoopHealthCheck(WebhookNotifier.NAME, notifier.stopped()));
    }
    return List.copyOf(beans);
  }

  public AnomalyBackend backend() {
    return backend;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * Every topic the service reads or writes that local mode must create, with its partitions and
   * cleanup policy; internal repartition and changelog topics are made by Kafka Streams itself.
   */
  public static List<NewTopic> topics(ServiceConfig config) {
    TopicNames names = config.anomaly().topics();
    List<NewTopic> all = new ArrayList<>();
    for (String name :
        List.of(names.violations(), names.events(), names.rejected(), names.commands())) {
      all.add(new NewTopic(name, config.partitions(), config.replicationFactor()));
    }
    // Unreadable input records, kept 30 days for diagnosis like custody-stream's; few, so one
    // partition keeps them in order.
    all.add(
        new NewTopic(config.anomaly().deadLetterTopic(), 1, config.replicationFactor())
            .configs(
                Map.of(
                    TopicConfig.RETENTION_MS_CONFIG,
                    Long.toString(Duration.ofDays(30).toMillis()))));
    // Compacted: the latest version of every alert stays, so a new consumer rebuilds them all.
    all.add(
        new NewTopic(names.alerts(), config.partitions(), config.replicationFactor())
            .configs(
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    return all;
  }

  /** Stops the notifier, the feed and the command writer, then the streams (leaving the group). */
  @Override
  public void close() {
    if (notifier != null) {
      notifier.close();
    }
    feed.close();
    commands.close();
    streamsMetrics.close();
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(CLOSE_TIMEOUT));
  }
}
