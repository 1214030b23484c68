package io.sealtrail.trust.partner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A registered partner: the roles it holds, the sites it may report from (empty means any) and its
 * public keys.
 */
public record Partner(
    String partnerId, Set<String> roles, Set<String> sites, List<PartnerKey> keys) {
  public Partner {
    if (partnerId == null || partnerId.isBlank()) {
      throw new IllegalArgumentException("a partner needs an id");
    }
    roles = Set.copyOf(roles);
    sites = Set.copyOf(sites);
    keys = List.copyOf(keys);
    long distinct = keys.stream().map(PartnerKey::keyId).distinct().count();
    if (distinct != keys.size()) {
      throw new IllegalArgumentException("partner " + partnerId + " lists a key twice");
    }
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** True when the partner may report from {@code site}: it is listed, or no site is listed. */
  public boolean mayReportFrom(String site) {
    return sites.isEmpty() || sites.contains(site);
  }

  public Optional<PartnerKey> key(String keyid) {
    return keys.stream().filter(k -> k.keyId().hex().equals(keyid)).findFirst();
  }

  /** This partner with the key {@code keyid} revoked from {@code at} on. */
  public Partner withKeyRevoked(String keyid, Instant at) {
    return withKeyRevoked(keyid, at, null, null);
  }

  /**
   * This partner with key {@code keyid} revoked from {@code at}, for {@code reason} in answer to
   * {@code alertId} (each may be null; see {@link PartnerKey#revokedFrom(Instant, String,
   * String)}).
   */
  public Partner withKeyRevoked(String keyid, Instant at, String reason, String alertId) {
    if (key(keyid).isEmpty()) {
      throw new IllegalArgumentException("partner " + partnerId + " has no key " + keyid);
    }
    List<PartnerKey> updated =
        keys.stream()
            .map(k -> k.keyId().hex().equals(keyid) ? k.revokedFrom(at, reason, alertId) : k)
            .toList();
    return new Partner(partnerId, roles, sites, updated);
  }
}
