package io.sealtrail.ingest.http;

import io.sealtrail.ingest.admin.PartnerStore;
import io.sealtrail.ingest.gateway.SubmissionGateway;
import io.sealtrail.trust.partner.KafkaPartnerDirectory;
import java.time.Clock;
import java.util.Objects;

/**
 * The running ingest parts the HTTP layer serves from, built outside the application context (by
 * local mode or a service main) and handed to it as one singleton.
 *
 * @param partners the directory the node verifies against: freshness and read-your-write
 * @param partnerStore writes registrations for the admin API
 * @param clock receipt time of submissions
 */
public record IngestBackend(
    SubmissionGateway gateway,
    KafkaPartnerDirectory partners,
    PartnerStore partnerStore,
    Clock clock) {
  public IngestBackend {
    Objects.requireNonNull(partnerStore, "partnerStore");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(partners, "partners");
    Objects.requireNonNull(clock, "clock");
  }
}
