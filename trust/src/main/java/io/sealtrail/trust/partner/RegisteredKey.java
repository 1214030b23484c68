package io.sealtrail.trust.partner;

import java.util.Objects;

/** A key found in the directory together with the partner that registered it. */
public record RegisteredKey(Partner partner, PartnerKey key) {
  public RegisteredKey {
    Objects.requireNonNull(partner, "partner");
    Objects.requireNonNull(key, "key");
  }
}
