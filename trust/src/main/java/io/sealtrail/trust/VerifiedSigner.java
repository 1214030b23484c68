package io.sealtrail.trust;

import io.sealtrail.trust.crypto.KeyId;
import java.util.Objects;
import java.util.Set;

/**
 * A signature that verified against a key in force at receipt, with its partner and roles at that
 * moment.
 */
public record VerifiedSigner(int signatureIndex, KeyId keyId, String partnerId, Set<String> roles) {
  public VerifiedSigner {
    if (signatureIndex < 0) {
      throw new IllegalArgumentException("signatureIndex must be >= 0");
    }
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(partnerId, "partnerId");
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
