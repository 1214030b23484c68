package io.sealtrail.trust.policy;

import io.sealtrail.avro.common.EventType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may say what, as data: the event types each role may report, the signature thresholds and the
 * co-signatures per type. Sites are per partner registration, not per role.
 */
public record Policy(
    Map<String, Set<EventType>> mayReport,
    Map<EventType, SignatureThreshold> thresholds,
    Map<EventType, CoSignature> coSignatures) {

  public Policy {
    mayReport =
        mayReport.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    thresholds = Map.copyOf(thresholds);
    coSignatures = Map.copyOf(coSignatures);
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
}
