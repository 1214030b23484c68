package io.sealtrail.custody.event;

import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.VerifiedEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One verified event as the stream reads it: the header fields, the typed detail and the evidence
 * that points back to the signed original.
 */
public record Observation(VerifiedEvent verified) {
  public Observation {
    Objects.requireNonNull(verified, "verified");
  }

  private CustodyEvent event() {
    return verified.getEvent();
  }

  public String serial() {
    return event().getSubject();
  }

  public String eventId() {
    return event().getEventId();
  }

  public EventType type() {
    return event().getType();
  }

  public String partnerId() {
    return event().getPartnerId();
  }

  public String site() {
    return event().getSite();
  }

  public Instant occurredAt() {
    return event().getOccurredAt();
  }

  public String payloadSha256() {
    return verified.getPayloadSha256();
  }

  /** The detail when it is of {@code type}, which it is for exactly one event type. */
  public <T> Optional<T> detail(Class<T> type) {
    Object detail = event().getDetail();
    return type.isInstance(detail) ? Optional.of(type.cast(detail)) : Optional.empty();
  }

  /** True when a signer of another partner than the reporter holds {@code role}. */
  public boolean coSignedByOtherPartnerWithRole(String role) {
    return signedWithRole(role, partner -> !partner.equals(partnerId()));
  }

  /** True when the reporting partner signed holding {@code role}. */
  public boolean reportedByPartnerWithRole(String role) {
    return signedWithRole(role, partnerId()::equals);
  }

  private boolean signedWithRole(String role, Predicate<String> partner) {
    return verified.getSigners().stream()
        .anyMatch(s -> partner.test(s.getPartnerId()) && s.getRoles().contains(role));
  }

  /** This event as evidence, with a note on what it shows. */
  public Evidence evidence(String note) {
    return Evidence.newBuilder()
        .setEventId(eventId())
        .setPartnerId(partnerId())
        .setPayloadSha256(payloadSha256())
        .setSerial(serial())
        .setOccurredAt(occurredAt())
        .setNote(note)
        .build();
  }
}
