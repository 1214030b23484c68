package io.sealtrail.ingest;

import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.gateway.KafkaUnavailableException;
import io.sealtrail.ingest.gateway.SubmissionGateway;
import io.sealtrail.ingest.kafka.ClientSettings;
import io.sealtrail.ingest.pipeline.IngestVerifier;
import io.sealtrail.ingest.pipeline.OutputSerializers;
import io.sealtrail.ingest.route.InboundRouter;
import io.sealtrail.ingest.topics.TopicSetup;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.partner.KafkaPartnerDirectory;
import io.sealtrail.trust.policy.Policy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;

/**
 * One running ingest instance: its topics ensured, the verifier, the Kafka-native door and the
 * gateway the HTTP layer calls, started in that order and closed in reverse.
 */
public final class IngestNode implements AutoCloseable {
  private static final Duration DIRECTORY_CATCH_UP = Duration.ofMinutes(1);

  private final Deque<AutoCloseable> parts;
  private final SubmissionGateway gateway;
  private final CompletableFuture<Void> stopped;

  private IngestNode(
      Deque<AutoCloseable> parts, SubmissionGateway gateway, CompletableFuture<Void> stopped) {
    this.parts = parts;
    this.gateway = gateway;
    this.stopped = stopped;
  }

  private static IngestNode boot(
      IngestConfig config,
      SubmissionVerifier verifier,
      OutputSerializers serializers,
      IngestListener listener,
      Clock clock,
      AutoCloseable owned)
      throws InterruptedException {
    Deque<AutoCloseable> parts = new ArrayDeque<>(List.of(owned));
    try {
      var pipeline =
          push(parts, new IngestVerifier(config, verifier, serializers, listener, clock));
      pipeline.start();
      var router = push(parts, new InboundRouter(config, clock));
      router.start();
      var gateway = push(parts, new KafkaSubmissionGateway(config, listener));
      gateway.start();
      var stopped =
          CompletableFuture.anyOf(pipeline.stopped(), router.stopped(), gateway.stopped());
      return new IngestNode(parts, gateway, stopped.thenApply(x -> null));
    } catch (RuntimeException | InterruptedException e) {
      closeAll(parts).ifPresent(e::addSuppressed);
      throw e;
    }
  }

  /**
   * Starts an instance wired for production: partners followed from the partners topic, values
   * written with the registry's Avro serializers configured by {@code serdeConfig}.
   */
  public static IngestNode start(
      IngestConfig config, Map<String, ?> serdeConfig, Policy policy, IngestListener listener)
      throws InterruptedException {
    ensureTopics(config);
    OutputSerializers serializers = OutputSerializers.avro(serdeConfig);
    var partners = new SpecificAvroSerde<>(PartnerRegistration.class);
    partners.configure(serdeConfig, false);
    var directory =
        KafkaPartnerDirectory.start(
            new ClientSettings(config).admin(),
            config.topics().partners(),
            partners.deserializer());
    if (!directory.awaitCaughtUp(DIRECTORY_CATCH_UP)) {
      directory.close();
      throw new KafkaUnavailableException(
          "partner directory not read within " + DIRECTORY_CATCH_UP, Duration.ofSeconds(30), null);
    }
    return boot(
        config,
        new SubmissionVerifier(directory, policy),
        serializers,
        listener,
        Clock.systemUTC(),
        directory);
  }

  /** Starts an instance with the given verification and serialization. */
  public static IngestNode start(
      IngestConfig config,
      SubmissionVerifier verifier,
      OutputSerializers serializers,
      IngestListener listener,
      Clock clock)
      throws InterruptedException {
    ensureTopics(config);
    return boot(config, verifier, serializers, listener, clock, () -> {});
  }

  private static void ensureTopics(IngestConfig config) throws InterruptedException {
    try (Admin admin = Admin.create(new ClientSettings(config).admin())) {
      TopicSetup.ensure(admin, config.topics(), config.dedupWindow());
    }
  }

  /** The door of the HTTP layer. */
  public SubmissionGateway gateway() {
    return gateway;
  }

  /**
   * Completes when the verifier, the router or the gateway's reply follower stopped; exceptionally
   * when one failed, after which the host should close this node and start a new one.
   */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  private static <T extends AutoCloseable> T push(Deque<AutoCloseable> parts, T part) {
    parts.push(part);
    return part;
  }

  /** Closes every part, newest first, and returns what failed. */
  private static Optional<Exception> closeAll(Deque<AutoCloseable> parts) {
    Exception failure = null;
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    return Optional.ofNullable(failure);
  }

  @Override
  public void close() throws Exception {
    Optional<Exception> failure = closeAll(parts);
    if (failure.isPresent()) {
      throw failure.get();
    }
  }
}
