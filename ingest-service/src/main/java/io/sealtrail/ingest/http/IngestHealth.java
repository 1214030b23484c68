package io.sealtrail.ingest.http;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.sealtrail.ingest.gateway.SubmissionGateway;
import io.sealtrail.platform.health.ConditionCheck;
import io.sealtrail.platform.health.HealthCheck;
import io.sealtrail.platform.health.LoopHealthCheck;
import io.sealtrail.trust.partner.KafkaPartnerDirectory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Ingest's part in the platform's {@code /health} and {@code /health/readiness}: the node's loops
 * run (liveness too), a broker answers, the partner directory is fresh, and the background readers
 * of replies and partners still run (liveness too; a dead one is named with its cause). Made here
 * rather than in {@link IngestService#httpBeans()} because the directory's allowed age is the
 * server's {@link IngestHttpConfig}.
 */
@Factory
@Requires(beans = IngestBackend.class)
final class IngestHealth {

  @Singleton
  @Named("ingestNode")
  HealthCheck node(IngestBackend backend) {
    return new ConditionCheck(
        "ingestNode", () -> !backend.stopped().isDone(), "the ingest node's loops ended", true);
  }

  @Singleton
  @Named("kafka")
  HealthCheck kafka(IngestBackend backend) {
    // A consumer's poll returns quietly while brokers are away: only a request shows an outage.
    return new ConditionCheck(
        "kafka", () -> backend.kafka().reachable(), "no broker answered in time", false);
  }

  @Singleton
  @Named(SubmissionGateway.REPLY_FOLLOWER)
  HealthCheck replyFollower(IngestBackend backend) {
    return new LoopHealthCheck(SubmissionGateway.REPLY_FOLLOWER, backend.gateway().stopped());
  }

  @Singleton
  @Named(KafkaPartnerDirectory.NAME)
  HealthCheck partnerDirectoryReader(IngestBackend backend) {
    return new LoopHealthCheck(KafkaPartnerDirectory.NAME, backend.partners().stopped());
  }

  @Singleton
  @Named("partnerDirectory")
  HealthCheck partnerDirectory(IngestBackend backend, IngestHttpConfig config) {
    return new ConditionCheck(
        "partnerDirectory",
        () -> backend.partners().isFresh(config.directoryMaxAge()),
        "partner directory not read within " + config.directoryMaxAge(),
        false);
  }
}
