package io.sealtrail.trust.partner;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable snapshot of every registered partner, indexed by partner id and by keyid. New
 * snapshots are folded from registrations ({@link #with}) and deletions ({@link #without}), so
 * readers never see a half-applied change. The key index is rebuilt from all partners on every
 * change and holds only keyids listed by exactly one partner: a keyid claimed by two is unusable
 * for both ({@link #conflicts()}), whatever order the registrations arrived in.
 */
public final class PartnerDirectory {
  private static final PartnerDirectory EMPTY = new PartnerDirectory(Map.of());

  private final Map<String, Partner> partners;
  private final Map<String, RegisteredKey> keys;
  private final Map<String, Set<String>> conflicts;

  private PartnerDirectory(Map<String, Partner> partners) {
    this.partners = Map.copyOf(partners);
    Map<String, Set<String>> holders = new TreeMap<>();
    Map<String, RegisteredKey> index = new HashMap<>();
    for (Partner partner : partners.values()) {
      for (PartnerKey key : partner.keys()) {
        String keyid = key.keyId().hex();
        holders.computeIfAbsent(keyid, k -> new TreeSet<>()).add(partner.partnerId());
        index.put(keyid, new RegisteredKey(partner, key));
      }
    }
    holders.values().removeIf(h -> h.size() < 2);
    index.keySet().removeAll(holders.keySet());
    this.keys = Map.copyOf(index);
    Map<String, Set<String>> frozen = new TreeMap<>();
    holders.forEach((keyid, ids) -> frozen.put(keyid, Set.copyOf(ids)));
    this.conflicts = Collections.unmodifiableMap(frozen);
  }

  public static PartnerDirectory empty() {
    return EMPTY;
  }

  /** A directory of {@code partners}; a later registration of the same partner id wins. */
  public static PartnerDirectory of(Collection<Partner> partners) {
    Map<String, Partner> byId = new HashMap<>();
    partners.forEach(p -> byId.put(p.partnerId(), p));
    return new PartnerDirectory(byId);
  }

  /** This directory with {@code partner}'s registration replaced by the given one. */
  public PartnerDirectory with(Partner partner) {
    Map<String, Partner> next = new HashMap<>(partners);
    next.put(partner.partnerId(), partner);
    return new PartnerDirectory(next);
  }

  /** This directory without {@code partnerId} (a tombstone on the partners topic). */
  public PartnerDirectory without(String partnerId) {
    if (!partners.containsKey(partnerId)) {
      return this;
    }
    Map<String, Partner> next = new HashMap<>(partners);
    next.remove(partnerId);
    return new PartnerDirectory(next);
  }

  public Optional<Partner> partner(String partnerId) {
    return Optional.ofNullable(partnerId).map(partners::get);
  }

  /**
   * The registered key a keyid names, with its partner; empty for null, unknown or conflicting
   * keyids.
   */
  public Optional<RegisteredKey> key(String keyid) {
    return Optional.ofNullable(keyid).map(keys::get);
  }

  /**
   * The keyids listed by more than one partner, each with the ids of the partners listing it
   * (sorted by keyid). None of them verifies anything until all but one holder drops it.
   */
  public Map<String, Set<String>> conflicts() {
    return conflicts;
  }

  /**
   * The ids of every partner listing {@code keyid}, whatever the key's standing (sorted). A key
   * belongs to one partner: the admin API refuses to list it for a second, since a conflicting
   * keyid verifies nothing and an update never removes a key.
   */
  public Set<String> holders(String keyid) {
    Set<String> holders = new TreeSet<>();
    for (Partner partner : partners.values()) {
      if (partner.key(keyid).isPresent()) {
        holders.add(partner.partnerId());
      }
    }
    return Collections.unmodifiableSet(holders);
  }

  public Collection<Partner> partners() {
    return partners.values();
  }

  public int size() {
    return partners.size();
  }
}
