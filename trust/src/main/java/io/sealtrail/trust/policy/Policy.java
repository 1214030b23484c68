package io.sealtrail.trust.policy;

import io.sealtrail.avro.common.EventType;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may say what, as data: the event types each role may report, the signature thresholds and the
 * co-signatures per type, and how far back each type's {@code occurredAt} may lie. Sites are per
 * partner registration, not per role.
 */
public record Policy(
    Map<String, Set<EventType>> mayReport,
    Map<EventType, SignatureThreshold> thresholds,
    Map<EventType, CoSignature> coSignatures,
    MaxEventAge maxEventAge) {

  public Policy {
    mayReport =
        mayReport.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    thresholds = Map.copyOf(thresholds);
    coSignatures = Map.copyOf(coSignatures);
    Objects.requireNonNull(maxEventAge, "maxEventAge");
  }

  /** A policy with the contract's default event age bound ({@link MaxEventAge#DEFAULT}). */
  public Policy(
      Map<String, Set<EventType>> mayReport,
      Map<EventType, SignatureThreshold> thresholds,
      Map<EventType, CoSignature> coSignatures) {
    this(mayReport, thresholds, coSignatures, MaxEventAge.of(MaxEventAge.DEFAULT));
  }

  /** The default policy of the partner contract, from {@code default-policy.json}. */
  public static Policy defaults() {
    return PolicyJson.defaults();
  }

  /** True when one of {@code roles} may report {@code type}. */
  public boolean allows(Set<String> roles, EventType type) {
    return roles.stream().anyMatch(role -> mayReport.getOrDefault(role, Set.of()).contains(type));
  }

  public Optional<SignatureThreshold> threshold(EventType type) {
    return Optional.ofNullable(thresholds.get(type));
  }

  public Optional<CoSignature> coSignature(EventType type) {
    return Optional.ofNullable(coSignatures.get(type));
  }

  /**
   * The same policy with {@code bound} for every type it does not bound itself (a deployment's
   * {@code sealtrail.ingest.max-event-age}).
   */
  public Policy withDefaultMaxEventAge(Duration bound) {
    return new Policy(mayReport, thresholds, coSignatures, maxEventAge.withDefault(bound));
  }
}
