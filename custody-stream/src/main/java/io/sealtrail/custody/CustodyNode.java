package io.sealtrail.custody;

import io.sealtrail.custody.campaign.CampaignShelf;
import io.sealtrail.custody.campaign.CampaignWriter;
import io.sealtrail.custody.hold.HoldShelf;
import io.sealtrail.custody.hold.HoldWriter;
import io.sealtrail.custody.layout.LayoutShelf;
import io.sealtrail.custody.layout.LayoutWriter;
import io.sealtrail.custody.process.Storage;
import io.sealtrail.custody.query.QueryBeans;
import io.sealtrail.custody.topology.CustodyTopology;
import io.sealtrail.platform.audit.KafkaAuditLog;
import io.sealtrail.platform.auth.Identity;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.NodeHttp;
import io.sealtrail.platform.http.Serving;
import io.sealtrail.platform.kafka.KafkaAccess;
import io.sealtrail.platform.kafka.ServiceStreams;
import io.sealtrail.platform.node.Parts;
import io.sealtrail.platform.node.StreamsNode;
import io.sealtrail.platform.query.Advertised;
import io.sealtrail.platform.query.RestoringStores;
import io.sealtrail.platform.query.StreamsStoreAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One custody-stream instance, the one place its parts are made: the Kafka Streams topology, the
 * query API over its stores, the holds and layouts APIs (their writers and its audit log) and its
 * health, served on its own HTTP server or, in local mode, by the host's ({@link Serving}). Other
 * instances forward queries to it at its {@code application.server}: its advertised host and the
 * port of the server that serves its routes.
 */
public final class CustodyNode extends StreamsNode {
  private CustodyNode(Parts parts, ServiceStreams streams, NodeHttp http) {
    // Its streams are all that may stop on their own.
    super(parts, streams, http, List.of(streams.stopped()));
  }

  /** Starts the instance alone: its own HTTP server where {@code config} says, then the streams. */
  public static CustodyNode start(CustodyConfig config) {
    return start(config, Serving.alone());
  }

  /**
   * Starts the instance. Alone, it serves its queries, health and, on the management port, the
   * streams' metrics at {@code /prometheus}, and only then starts the streams, so that no query
   * forwarded to it finds nobody. Shared, the host serves {@link #httpBeans()} (adding its role
   * tokens) on the port {@code config} names, which other instances forward to, and then calls
   * {@link #startStreams()}.
   */
  public static CustodyNode start(CustodyConfig config, Serving serving) {
    // Other instances forward queries here.
    Advertised served = Advertised.of(config.http());
    HttpBinding binding = served.binding();
    HostInfo advertised = served.host();
    Properties properties = served.into(config.streams().properties());
    Parts parts = new Parts();
    try {
      var streams =
          parts.add(
              new ServiceStreams("custodyStreams", topology(config), properties, serving.meters()));
      RestoringStores restoring = new RestoringStores();
      streams.streams().setGlobalStateRestoreListener(restoring);
      List<Object> beans =
          new ArrayList<>(
              QueryBeans.over(new StreamsStoreAccess(streams.streams(), advertised, restoring)));
      // Ready only while RUNNING; on a shared server beside the other services' checks.
      beans.add(streams.healthCheck());
      // The holds API (ADR 10): writes to the holds topic, reads the global hold store, audits.
      CustodyTopics topics = CustodyTopics.from(config, config.serdeConfig());
      String bootstrap = config.streams().bootstrapServers();
      KafkaAccess kafka = config.streams().access();
      beans.add(parts.add(new HoldWriter(kafka, topics.holds())));
      beans.add(HoldShelf.over(streams.streams()));
      // The layouts API (ADR 14): the same shape, on the layouts topic and its global store.
      beans.add(parts.add(new LayoutWriter(kafka, topics.layouts())));
      beans.add(LayoutShelf.over(streams.streams()));
      // The campaigns API (ADR 15): writes to the campaigns topic, reads the global store.
      beans.add(parts.add(new CampaignWriter(kafka, topics.campaigns())));
      beans.add(CampaignShelf.over(streams.streams()));
      var audit =
          parts.add(
              new KafkaAuditLog(
                  bootstrap, config.streams().kafkaOverrides(), topics.auditActions().name()));
      beans.add(audit);
      var http =
          parts.add(
              NodeHttp.serve(
                  "custody-stream", serving, binding, identity(config, properties), beans));
      return started(serving, new CustodyNode(parts, streams, http));
    } catch (RuntimeException e) {
      parts.closeAfter(e);
      throw e;
    }
  }

  /** Who the gates of the instance's own server let in: named users, token files, JWTs. */
  private static Supplier<Identity> identity(CustodyConfig config, Properties clients) {
    return () -> Identity.start(clients, config.http().tokenDir(), config.http().auth());
  }

  /** The topology the instance runs, as {@code config} describes it. */
  public static Topology topology(CustodyConfig config) {
    StreamsBuilder builder = new StreamsBuilder();
    CustodyTopics topics = CustodyTopics.from(config, config.serdeConfig());
    CustodyTopology.define(builder, topics, config.rules(), config.settles(), Storage.PERSISTENT);
    return builder.build(config.streams().properties());
  }
}
