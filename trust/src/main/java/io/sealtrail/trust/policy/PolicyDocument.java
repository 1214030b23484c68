package io.sealtrail.trust.policy;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole policy an administrator loads while the platform runs ({@code GET|PUT /v1/policy}): who
 * may report what and with which signatures ({@link Policy}, what ingest verifies by), and the
 * facts custody-stream's detections judge by: transit times, approved suppliers per part number and
 * the part numbers whose receipt needs a certificate. Version 1 is {@code default-policy.json};
 * each accepted change is the previous version plus one.
 *
 * @param version assigned by the server: 1 for the defaults, previous + 1 on each change
 * @param approvedSuppliers per part number, the suppliers approved for it (the {@code supplier} of
 *     COMPONENT_RECEIVED); a part number without an entry is not checked
 * @param certificateRequired part numbers whose receipt must carry a {@code certificateSha256}
 */
public record PolicyDocument(
    int version,
    Policy policy,
    Transit transit,
    Map<String, Set<String>> approvedSuppliers,
    Set<String> certificateRequired) {
  public PolicyDocument {
    if (version < 1) {
      throw new IllegalArgumentException("a policy version is 1 or more, got " + version);
    }
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(transit, "transit");
    approvedSuppliers =
        approvedSuppliers.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    certificateRequired = Set.copyOf(certificateRequired);
  }

  /** Version 1: the shipped {@code default-policy.json}. */
  public static PolicyDocument defaults() {
    return PolicyJson.defaultDocument();
  }

  /** The same document as version {@code next}. */
  public PolicyDocument withVersion(int next) {
    return new PolicyDocument(next, policy, transit, approvedSuppliers, certificateRequired);
  }
}
