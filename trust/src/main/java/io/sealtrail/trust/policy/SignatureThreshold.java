package io.sealtrail.trust.policy;

import java.util.Objects;

/**
 * An event type that needs valid signatures by {@code distinctKeys} different keys of partners
 * holding {@code role}.
 */
public record SignatureThreshold(String role, int distinctKeys) {
  public SignatureThreshold {
    Objects.requireNonNull(role, "role");
    if (distinctKeys < 1) {
      throw new IllegalArgumentException("a threshold needs at least one key, got " + distinctKeys);
    }
  }
}
