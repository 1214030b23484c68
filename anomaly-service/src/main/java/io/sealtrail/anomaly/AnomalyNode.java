package io.sealtrail.anomaly;

import io.micrometer.core.instrument.MeterRegistry;
import io.sealtrail.anomaly.chart.SpikeCharts;
import io.sealtrail.anomaly.chart.SpikeStoreReader;
import io.sealtrail.anomaly.lifecycle.CommandSender;
import io.sealtrail.anomaly.metrics.AlertMetrics;
import io.sealtrail.anomaly.notify.WebhookConfig;
import io.sealtrail.anomaly.notify.WebhookNotifier;
import io.sealtrail.anomaly.topology.AnomalyTopology;
import io.sealtrail.anomaly.view.AlertArchive;
import io.sealtrail.anomaly.view.AlertFeed;
import io.sealtrail.anomaly.view.AlertView;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.platform.audit.KafkaAuditLog;
import io.sealtrail.platform.auth.Identity;
import io.sealtrail.platform.health.ConditionCheck;
import io.sealtrail.platform.health.LoopHealthCheck;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.NodeHttp;
import io.sealtrail.platform.http.Serving;
import io.sealtrail.platform.kafka.KafkaAccess;
import io.sealtrail.platform.kafka.ServiceStreams;
import io.sealtrail.platform.node.Parts;
import io.sealtrail.platform.node.StreamsNode;
import io.sealtrail.platform.query.Advertised;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One anomaly-service instance, the one place its parts are made: the streams application (exactly
 * once), the alert view that feeds the API with its lifecycle metrics, the command writer, the
 * spike charts and, when configured, the webhook notifier, served on its own HTTP server or, in
 * local mode, by the host's ({@link Serving}). Each controller is given the parts it uses: the
 * view, the command writer, the alert archive (the compacted topic, read for reports and resolved
 * alerts past their retention), the audit log, the charts.
 */
public final class AnomalyNode extends StreamsNode {
  private AnomalyNode(
      Parts parts, ServiceStreams streams, NodeHttp http, List<CompletableFuture<Void>> loops) {
    super(parts, streams, http, loops);
  }

  /** Starts the instance alone: its own HTTP server where {@code config} says. */
  public static AnomalyNode start(AnomalyConfig config) {
    return start(config, Serving.alone());
  }

  /**
   * Starts every part in order: alone, then its own HTTP server with the metrics on the management
   * port, then the streams; shared, the host serves {@link #httpBeans()} (adding its role tokens)
   * and then calls {@link #startStreams()}. If a part fails to start, those started are closed
   * again: no client, thread or streams is left behind.
   */
  public static AnomalyNode start(AnomalyConfig config, Serving serving) {
    MeterRegistry meters = serving.meters();
    AnomalyTopics topics = AnomalyTopics.from(config, config.serdeConfig());
    String bootstrap = config.streams().bootstrapServers();
    KafkaAccess kafka = config.streams().access();
    // Other instances forward chart reads here: the advertised port is fixed before the streams.
    Advertised served = Advertised.of(config.http());
    HttpBinding binding = served.binding();
    HostInfo advertised = served.host();
    Properties properties = served.into(config.streams().properties());
    Parts parts = new Parts();
    try {
      var streams =
          parts.add(
              new ServiceStreams("anomalyStreams", topology(config, topics), properties, meters));
      AlertView view =
          new AlertView(config.rules().alerts().resolvedRetention(), Clock.systemUTC());
      view.listen(new AlertMetrics(meters, Clock.systemUTC()));
      var feed =
          parts.add(
              new AlertFeed(
                  kafka,
                  topics.alerts().name(),
                  topics.alerts().valueSerde().deserializer(),
                  view));
      var commands =
          parts.add(
              new CommandSender(
                  kafka, topics.commands().name(), topics.commands().valueSerde().serializer()));
      // The record of every alert: the report and queries for resolved alerts the view let go.
      var archive =
          new AlertArchive(
              kafka,
              topics.alerts().name(),
              () -> SpecificAvroSerde.forValues(Alert.class, config.serdeConfig()).deserializer());
      // Who acknowledged, assigned or resolved which alert.
      var audit =
          parts.add(
              new KafkaAuditLog(
                  bootstrap, config.streams().kafkaOverrides(), topics.auditActions().name()));
      var charts =
          new SpikeCharts(
              SpikeStoreReader.of(streams.streams(), advertised), config.rules().spikeKinds());
      List<Object> beans =
          new ArrayList<>(List.of(view, commands, archive, audit, charts, streams.healthCheck()));
      beans.add(
          new ConditionCheck(
              "alertView", view::caughtUp, "alert view still reading the alerts", false));
      feed.start();
      beans.add(new LoopHealthCheck(AlertFeed.NAME, feed.stopped()));
      List<CompletableFuture<Void>> loops =
          new ArrayList<>(List.of(streams.stopped(), feed.stopped()));
      Optional<WebhookConfig> webhook = config.webhook();
      if (webhook.isPresent()) {
        var notifier = parts.add(notifier(config, topics, webhook.get(), meters));
        notifier.start();
        beans.add(new LoopHealthCheck(WebhookNotifier.NAME, notifier.stopped()));
        loops.add(notifier.stopped());
      }
      var http =
          parts.add(
              NodeHttp.serve(
                  "anomaly-service", serving, binding, identity(config, properties), beans));
      return started(serving, new AnomalyNode(parts, streams, http, loops));
    } catch (RuntimeException e) {
      parts.closeAfter(e);
      throw e;
    }
  }

  /** Who the gates of the instance's own server let in: named users, token files, JWTs. */
  private static Supplier<Identity> identity(AnomalyConfig config, Properties clients) {
    return () -> Identity.start(clients, config.http().tokenDir(), config.http().auth());
  }

  private static WebhookNotifier notifier(
      AnomalyConfig config, AnomalyTopics topics, WebhookConfig webhook, MeterRegistry meters) {
    Map<String, Object> consumer = new HashMap<>();
    config.streams().access().properties().forEach((k, v) -> consumer.put((String) k, v));
    consumer.put(ConsumerConfig.GROUP_ID_CONFIG, config.streams().applicationId() + "-webhook");
    return new WebhookNotifier(
        consumer,
        topics.alerts().name(),
        topics.alerts().valueSerde().deserializer(),
        webhook,
        meters);
  }

  /** The topology the instance runs, as {@code config} describes it. */
  public static Topology topology(AnomalyConfig config) {
    return topology(config, AnomalyTopics.from(config, config.serdeConfig()));
  }

  private static Topology topology(AnomalyConfig config, AnomalyTopics topics) {
    StreamsBuilder builder = new StreamsBuilder();
    AnomalyTopology.define(builder, topics, config.rules());
    return builder.build(config.streams().properties());
  }
}
