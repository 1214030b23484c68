package io.sealtrail.trust.partner;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A registered partner: the roles it holds, the sites it may report from (none listed means any)
 * and its public keys. {@code roles} and {@code sites} hold always; {@code roleGrants} and {@code
 * siteGrants} only for their periods, at receipt ({@link #rolesAt}, {@link #mayReportFrom(String,
 * Instant)}).
 */
public record Partner(
    String partnerId,
    Set<String> roles,
    Set<String> sites,
    List<PartnerKey> keys,
    List<Grant> roleGrants,
    List<Grant> siteGrants) {
  public Partner {
    roleGrants = List.copyOf(roleGrants);
    siteGrants = List.copyOf(siteGrants);
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

  /** A partner whose roles and sites hold always. */
  public Partner(String partnerId, Set<String> roles, Set<String> sites, List<PartnerKey> keys) {
    this(partnerId, roles, sites, keys, List.of(), List.of());
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** The roles held at {@code receivedAt}: those held always and those granted then. */
  public Set<String> rolesAt(Instant receivedAt) {
    if (roleGrants.isEmpty()) {
      return roles;
    }
    Set<String> held = new HashSet<>(roles);
    held.addAll(inForce(roleGrants, receivedAt));
    return Set.copyOf(held);
  }

  /**
   * True when the partner may report from {@code site} at {@code receivedAt}: it is listed, or
   * granted then, or no site is listed or granted at all (any site).
   */
  public boolean mayReportFrom(String site, Instant receivedAt) {
    if (sites.isEmpty() && siteGrants.isEmpty()) {
      return true;
    }
    return sites.contains(site) || inForce(siteGrants, receivedAt).contains(site);
  }

  private static Set<String> inForce(List<Grant> grants, Instant receivedAt) {
    return grants.stream()
        .filter(g -> g.inForceAt(receivedAt))
        .map(Grant::name)
        .collect(Collectors.toSet());
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
    return new Partner(partnerId, roles, sites, updated, roleGrants, siteGrants);
  }
}
