package io.sealtrail.log;

import io.sealtrail.log.audit.AuditReader;
import io.sealtrail.log.evidence.EvidenceAssembler;
import io.sealtrail.log.evidence.EvidenceSources;
import io.sealtrail.log.key.LogKey;
import io.sealtrail.log.read.CheckpointFollower;
import io.sealtrail.log.read.LogReader;
import io.sealtrail.log.read.LogStoreAccess;
import io.sealtrail.log.sequence.LogTopology;
import io.sealtrail.platform.auth.Identity;
import io.sealtrail.platform.health.ConditionCheck;
import io.sealtrail.platform.health.LoopHealthCheck;
import io.sealtrail.platform.http.NodeHttp;
import io.sealtrail.platform.http.Serving;
import io.sealtrail.platform.kafka.ServiceStreams;
import io.sealtrail.platform.node.Parts;
import io.sealtrail.platform.node.StreamsNode;
import io.sealtrail.translog.note.NoteSigner;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * One running log service, the one place its parts are made: the sequencing streams (exactly once;
 * they chain the audit log too), the follower of the published checkpoints, the readers the routes
 * (log and audit) answer from and the assembler of evidence bundles, served on its own HTTP server
 * or, in local mode, by the host's ({@link Serving}). Closed in reverse. {@link #stopped()}
 * completes when the streams stop on their own or the follower ends.
 */
public final class LogNode extends StreamsNode {
  private LogNode(Parts parts, ServiceStreams streams, NodeHttp http, CheckpointFollower follower) {
    super(parts, streams, http, List.of(streams.stopped(), follower.stopped()));
  }

  /** Starts the service alone: its own HTTP server where {@code config.http()} says. */
  public static LogNode start(LogConfig config) {
    return start(config, Serving.alone());
  }

  /**
   * Starts every part in order: the follower of the checkpoints; alone, then its own HTTP server
   * with the streams' metrics on the management port, then the streams; shared, the host serves
   * {@link #httpBeans()} (adding its role tokens) and then calls {@link #startStreams()}. If a part
   * fails to start, those started are closed again.
   */
  public static LogNode start(LogConfig config, Serving serving) {
    NoteSigner signer = LogKey.load(config.signing().keyFile(), config.signing().origin());
    LogTopics topics = LogTopics.from(config, config.serdeConfig());
    Parts parts = new Parts();
    try {
      // An unexpected error stops this instance; the sequencing task moves to another.
      var streams =
          parts.add(
              new ServiceStreams(
                  "logStreams",
                  LogTopology.build(topics, signer, config.signing().checkpointInterval()),
                  config.streams().properties(),
                  serving.meters()));
      var follower =
          parts.add(new CheckpointFollower(topics.checkpoints().name(), clientSettings(config)));
      LogStoreAccess stores = new LogStoreAccess(streams.streams());
      LogReader reader =
          new LogReader(
              stores, follower, signer.verifierKey(), config.signing().checkpointInterval());
      var evidence = config.evidence();
      List<Object> beans =
          List.of(
              reader,
              new AuditReader(stores),
              new EvidenceAssembler(
                  reader,
                  new EvidenceSources(evidence.custody(), evidence.ingest(), evidence.anomaly()),
                  config.signing().checkpointInterval(),
                  Clock.systemUTC()),
              streams.healthCheck(),
              new LoopHealthCheck(CheckpointFollower.NAME, follower.stopped()),
              new ConditionCheck(
                  "logCheckpoint",
                  follower::caughtUp,
                  "still reading the published checkpoints",
                  false));
      follower.start();
      var http =
          parts.add(
              NodeHttp.serve(
                  "log-service",
                  serving,
                  config.http().binding(Map.of()),
                  () ->
                      Identity.start(
                          clientSettings(config), config.http().tokenDir(), config.http().auth()),
                  beans));
      return started(serving, new LogNode(parts, streams, http, follower));
    } catch (RuntimeException e) {
      parts.closeAfter(e);
      throw e;
    }
  }

  /** The consumer settings of the follower: the cluster and the client overrides (security). */
  private static Map<String, String> clientSettings(LogConfig config) {
    Map<String, String> settings = new HashMap<>(config.streams().kafkaOverrides());
    settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.streams().bootstrapServers());
    return settings;
  }
}
