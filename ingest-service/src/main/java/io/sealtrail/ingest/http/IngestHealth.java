package io.sealtrail.ingest.http;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.admin.PolicyStore;
import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.gateway.SubmissionGateway;
import io.sealtrail.platform.health.ConditionCheck;
import io.sealtrail.platform.health.HealthCheck;
import io.sealtrail.platform.health.LoopHealthCheck;
import io.sealtrail.trust.partner.KafkaPartnerDirectory;
import io.sealtrail.trust.policy.KafkaPolicy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Ingest's part in the platform's {@code /health} and {@code /health/readiness}: the node's loops
 * run (liveness too), a broker answers, the partner directory is fresh, and the background readers
 * of replies, partners and the policy still run (liveness too; a dead one is named with its cause).
 * Each check takes the one part it looks at.
 */
@Factory
@Requires(beans = KafkaSubmissionGateway.class)
final class IngestHealth {

  @Singleton
  @Named("ingestNode")
  HealthCheck node(NodeLoops loops) {
    return new ConditionCheck("ingestNode", loops::running, "the ingest node's loops ended", true);
  }

  @Singleton
  @Named("kafka")
  HealthCheck kafka(KafkaProbe probe) {
    // A consumer's poll returns quietly while brokers are away: only a request shows an outage.
    return new ConditionCheck("kafka", probe::reachable, "no broker answered in time", false);
  }

  @Singleton
  @Named(SubmissionGateway.REPLY_FOLLOWER)
  HealthCheck replyFollower(KafkaSubmissionGateway gateway) {
    return new LoopHealthCheck(SubmissionGateway.REPLY_FOLLOWER, gateway.stopped());
  }

  @Singleton
  @Named(KafkaPartnerDirectory.NAME)
  HealthCheck partnerDirectoryReader(KafkaPartnerDirectory partners) {
    return new LoopHealthCheck(KafkaPartnerDirectory.NAME, partners.stopped());
  }

  /** The runtime policy's reader: a dead one would leave this node judging by an old version. */
  @Singleton
  @Named(KafkaPolicy.NAME)
  HealthCheck policyReader(PolicyStore policy) {
    return new LoopHealthCheck(KafkaPolicy.NAME, policy.readerStopped());
  }

  @Singleton
  @Named("partnerDirectory")
  HealthCheck partnerDirectory(KafkaPartnerDirectory partners, IngestConfig.Http config) {
    return new ConditionCheck(
        "partnerDirectory",
        () -> partners.isFresh(config.directoryMaxAge()),
        "partner directory not read within " + config.directoryMaxAge(),
        false);
  }
}
