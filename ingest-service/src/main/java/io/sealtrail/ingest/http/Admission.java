package io.sealtrail.ingest.http;

import io.micronaut.context.annotation.Requires;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.gateway.KafkaUnavailableException;
import io.sealtrail.platform.http.ServiceUnavailableException;
import io.sealtrail.trust.partner.KafkaPartnerDirectory;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionException;

/**
 * What every route that submits checks before and after handing submissions to the gateway: the
 * node's loops still run, the partner directory is fresh, and a Kafka failure is the one 503 with
 * the configured {@code Retry-After}.
 */
@Singleton
@Requires(beans = KafkaSubmissionGateway.class)
public final class Admission {
  private final KafkaPartnerDirectory partners;
  private final IngestConfig.Http config;
  private final NodeLoops loops;

  Admission(KafkaPartnerDirectory partners, IngestConfig.Http config, NodeLoops loops) {
    this.partners = partners;
    this.config = config;
    this.loops = loops;
  }

  /** The node's loops ended: no outcome would ever come, so do not wait the reply timeout. */
  public void requireRunning() {
    if (!loops.running()) {
      throw new ServiceUnavailableException(
          "ingest has stopped: restart the service", config.retryAfter(), null);
    }
  }

  /** Submissions are verified against the directory: a stale one would judge them wrongly. */
  public void requireFreshDirectory() {
    if (!partners.isFresh(config.directoryMaxAge())) {
      throw new ServiceUnavailableException(
          "partner directory is stale", config.retryAfter(), null);
    }
  }

  /**
   * A gateway failure (Kafka did not take or answer in time) as the same 503 a stale directory
   * gives, with the one configured Retry-After: clients see one pacing whatever is missing.
   */
  public <T> T unavailable(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof KafkaUnavailableException kafka) {
      throw new ServiceUnavailableException(kafka.getMessage(), config.retryAfter(), kafka);
    }
    throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(cause);
  }
}
