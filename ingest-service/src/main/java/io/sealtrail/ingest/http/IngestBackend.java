package io.sealtrail.ingest.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sealtrail.ingest.admin.PartnerStore;
import io.sealtrail.ingest.gateway.SubmissionGateway;
import io.sealtrail.trust.partner.KafkaPartnerDirectory;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The running ingest parts the HTTP layer serves from, built outside the application context (by
 * local mode or a service main) and handed to it as one singleton.
 *
 * @param partners the directory the node verifies against: freshness and read-your-write
 * @param partnerStore writes registrations for the admin API
 * @param clock receipt time of submissions
 * @param stopped the node's {@code stopped()}: done means the node no longer works
 * @param metrics the meters /prometheus shows
 * @param kafka readiness's check that a broker answers
 */
public record IngestBackend(
    SubmissionGateway gateway,
    KafkaPartnerDirectory partners,
    PartnerStore partnerStore,
    Clock clock,
    CompletableFuture<Void> stopped,
    PrometheusMeterRegistry metrics,
    KafkaProbe kafka) {
  public IngestBackend {
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(stopped, "stopped");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(partnerStore, "partnerStore");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(partners, "partners");
    Objects.requireNonNull(clock, "clock");
  }
}
