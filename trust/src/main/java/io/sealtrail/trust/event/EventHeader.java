package io.sealtrail.trust.event;

import io.sealtrail.avro.common.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * The common fields of a custody event that trust decisions need; the per-type {@code detail} is
 * left to the ingest service's schema validation.
 *
 * @param station the reporting station, or null when the event names none
 */
public record EventHeader(
    String eventId,
    EventType type,
    Instant occurredAt,
    String partnerId,
    String site,
    String station,
    String subject) {

  public EventHeader {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(subject, "subject");
  }
}
