package io.sealtrail.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sealtrail.ingest.admin.PartnerStore;
import io.sealtrail.ingest.admin.PolicyStore;
import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.gateway.KafkaUnavailableException;
import io.sealtrail.ingest.gateway.SubmissionGateway;
import io.sealtrail.ingest.http.KafkaProbe;
import io.sealtrail.ingest.http.NodeLoops;
import io.sealtrail.ingest.kafka.ClientSettings;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.metrics.IngestMetrics;
import io.sealtrail.ingest.outcome.OutcomeLog;
import io.sealtrail.ingest.outcome.OutcomeTopics;
import io.sealtrail.ingest.partner.PartnerCredential;
import io.sealtrail.ingest.pipeline.DryRun;
import io.sealtrail.ingest.pipeline.IngestVerifier;
import io.sealtrail.ingest.pipeline.OutputSerializers;
import io.sealtrail.ingest.route.InboundRouter;
import io.sealtrail.ingest.topics.TopicSetup;
import io.sealtrail.ingest.topics.TopicVisibility;
import io.sealtrail.platform.audit.KafkaAuditLog;
import io.sealtrail.platform.auth.AuthSettings;
import io.sealtrail.platform.auth.Identity;
import io.sealtrail.platform.auth.KafkaUserDirectory;
import io.sealtrail.platform.auth.UserStore;
import io.sealtrail.platform.http.NodeHttp;
import io.sealtrail.platform.http.Serving;
import io.sealtrail.platform.node.Parts;
import io.sealtrail.platform.node.ServedNode;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.partner.KafkaPartnerDirectory;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.policy.KafkaPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * One running ingest instance, and the one place its parts are made: its topics ensured, the
 * partner directory followed until caught up, the verifier, the Kafka-native door (router), the
 * gateway the HTTP layer calls, the partner store, the Kafka probe, the user directory and store,
 * the audit log, and (unless a shared server serves {@link #httpBeans()}) its own HTTP server;
 * started in that order and closed in reverse. The container ({@link IngestMain}), local mode, the
 * bench and the tests all start it here.
 */
public final class IngestNode extends ServedNode {
  private static final Duration DIRECTORY_CATCH_UP = Duration.ofMinutes(1);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final Parts parts;
  private final IngestTopics topics;
  private final KafkaSubmissionGateway gateway;
  private final CompletableFuture<Void> stopped;

  private IngestNode(
      Parts parts,
      IngestTopics topics,
      KafkaSubmissionGateway gateway,
      NodeHttp http,
      CompletableFuture<Void> stopped) {
    super(http);
    this.parts = parts;
    this.topics = topics;
    this.gateway = gateway;
    this.stopped = stopped;
  }

  /**
   * How a node is started besides its configuration.
   *
   * @param listener hears every committed outcome and timing, after the node's own meters
   * @param serving who serves the routes: {@link Serving.Alone alone}, the node's own HTTP server
   *     ({@link IngestConfig.Http}) with its meters on the management port; {@link Serving.Shared
   *     shared}, a host's server serves {@link #httpBeans()} and its meter registry (local mode)
   */
  public record Options(IngestListener listener, Serving serving) {
    public Options {
      Objects.requireNonNull(listener, "listener");
      Objects.requireNonNull(serving, "serving");
    }

    /** A deployed instance: its own server, no listener but its meters. */
    public static Options defaults() {
      return new Options(IngestListener.NONE, Serving.alone());
    }

    public Options withListener(IngestListener other) {
      return new Options(other, serving);
    }

    /** Served as {@code other} says, e.g. shared with local mode's server and meters. */
    public Options withServing(Serving other) {
      return new Options(listener, other);
    }

    /** Without a server of its own, its meters in a registry nobody serves (tests, the bench). */
    public Options withoutServer() {
      return withServing(Serving.shared(new SimpleMeterRegistry()));
    }
  }

  /** Starts an instance as deployed, with its own HTTP server. */
  public static IngestNode start(IngestConfig config) throws InterruptedException {
    return start(config, Options.defaults());
  }

  /**
   * Starts every part in dependency order; when one fails, those started are closed again and the
   * failure is thrown.
   */
  public static IngestNode start(IngestConfig config, Options options) throws InterruptedException {
    Parts parts = new Parts();
    try {
      return boot(config, options, parts);
    } catch (RuntimeException | InterruptedException e) {
      parts.closeAfter(e);
      throw e;
    }
  }

  private static IngestNode boot(IngestConfig config, Options options, Parts parts)
      throws InterruptedException {
    IngestTopics topics = IngestTopics.from(config, config.serdeConfig());
    ClientSettings clients = new ClientSettings(config);
    try (Admin admin = Admin.create(clients.admin())) {
      TopicSetup.ensure(admin, topics);
    }
    KafkaPartnerDirectory directory = parts.add(directory(clients, topics));
    KafkaPolicy policy = parts.add(policy(clients, topics));
    var outcomes = parts.add(new OutcomeTopics(clients.admin(), topics, config.kafkaTimeout()));
    // Partners registered before outcome topics existed, or written to the topic some other way.
    outcomes.ensureAll(directory.get().partners().stream().map(Partner::partnerId).toList());
    var listener = new IngestMetrics(options.serving().meters(), options.listener(), directory);
    Clock clock = Clock.systemUTC();
    // One verifier for the pipeline and the dry runs, which must decide alike.
    // Each submission is judged by the policy version in force when its verification starts.
    var verification = new SubmissionVerifier(directory, policy::policy);
    var verifier =
        parts.add(
            new IngestVerifier(
                config,
                verification,
                OutputSerializers.of(topics),
                outcomes,
                directory,
                listener,
                clock));
    verifier.start();
    var router = parts.add(new InboundRouter(config, clock));
    router.start();
    var gateway = parts.add(new KafkaSubmissionGateway(config, listener));
    gateway.start();
    var stopped =
        CompletableFuture.anyOf(verifier.stopped(), router.stopped(), gateway.stopped())
            .<Void>thenApply(x -> null);
    var store =
        parts.add(
            PartnerStore.start(
                clients.admin(), topics.partners(), directory, outcomes, config.kafkaTimeout()));
    var policyStore =
        parts.add(
            PolicyStore.start(
                config.bootstrapServers(), clients.admin(), policy, config.kafkaTimeout()));
    var probe = parts.add(new KafkaProbe(clients.admin(), PROBE_TIMEOUT));
    KafkaUserDirectory users = parts.add(users(clients, topics));
    var userStore = parts.add(UserStore.start(clients.admin(), users, config.kafkaTimeout()));
    var audit =
        parts.add(
            new KafkaAuditLog(
                config.bootstrapServers(), clients.admin(), topics.auditActions().name()));
    var outcomeLog =
        new OutcomeLog(
            () -> new KafkaConsumer<>(clients.standaloneConsumer("earliest")),
            topics,
            config.kafkaTimeout());
    List<Object> beans =
        List.of(
            gateway,
            directory,
            store,
            policyStore,
            userStore,
            audit,
            probe,
            config.http(),
            listener,
            new NodeLoops(stopped),
            outcomeLog,
            new PartnerCredential(directory, config.http().signedRequestWindow(), clock),
            new DryRun(config, verification, outcomeLog, clock));
    // Alone, the gates know users from the directory the user routes write through: a user's
    // token works here as soon as its creation is answered.
    AuthSettings auth = config.http().auth().withUsersTopic(topics.users().name());
    var http =
        parts.add(
            NodeHttp.serve(
                "ingest",
                options.serving(),
                config.http().binding(),
                () -> Identity.over(users, config.http().tokensDir(), auth),
                beans));
    return new IngestNode(parts, topics, gateway, http, stopped);
  }

  /** The directory the node verifies against, caught up with the partners topic. */
  private static KafkaPartnerDirectory directory(ClientSettings clients, IngestTopics topics)
      throws InterruptedException {
    String partners = topics.partners().name();
    TopicVisibility.await(clients.admin(), partners, DIRECTORY_CATCH_UP);
    var directory =
        KafkaPartnerDirectory.start(
            clients.admin(), partners, topics.partners().valueSerde().deserializer());
    if (!directory.awaitCaughtUp(DIRECTORY_CATCH_UP)) {
      directory.close();
      throw new KafkaUnavailableException(
          "partner directory not read within " + DIRECTORY_CATCH_UP, Duration.ofSeconds(30), null);
    }
    return directory;
  }

  /** The policy in force, caught up with the policy topic before the node verifies anything. */
  private static KafkaPolicy policy(ClientSettings clients, IngestTopics topics)
      throws InterruptedException {
    String name = topics.policy().name();
    TopicVisibility.await(clients.admin(), name, DIRECTORY_CATCH_UP);
    var policy = KafkaPolicy.start(clients.admin(), name);
    if (!policy.awaitCaughtUp(DIRECTORY_CATCH_UP)) {
      policy.close();
      throw new KafkaUnavailableException(
          "policy not read within " + DIRECTORY_CATCH_UP, Duration.ofSeconds(30), null);
    }
    return policy;
  }

  /** The named users, caught up with the users topic before the node serves. */
  private static KafkaUserDirectory users(ClientSettings clients, IngestTopics topics)
      throws InterruptedException {
    String name = topics.users().name();
    TopicVisibility.await(clients.admin(), name, DIRECTORY_CATCH_UP);
    var users = KafkaUserDirectory.start(clients.admin(), name);
    if (!users.awaitCaughtUp(DIRECTORY_CATCH_UP)) {
      users.close();
      throw new KafkaUnavailableException(
          "user directory not read within " + DIRECTORY_CATCH_UP, Duration.ofSeconds(30), null);
    }
    return users;
  }

  /** The door of the HTTP layer. */
  public SubmissionGateway gateway() {
    return gateway;
  }

  /** The topics this node reads and writes. */
  public IngestTopics topics() {
    return topics;
  }

  /**
   * Completes when the verifier, the router or the gateway's reply follower stopped; exceptionally
   * when one failed, after which the host should close this node and start a new one.
   */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  /** Closes every part, newest first; safe to call again. */
  @Override
  public void close() {
    parts.close();
  }
}
