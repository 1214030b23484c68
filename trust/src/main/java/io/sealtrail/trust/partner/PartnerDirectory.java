package io.sealtrail.trust.partner;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of every registered partner, indexed by partner id and by keyid. New
 * snapshots are folded from registrations ({@link #with}) and deletions ({@link #without}), so
 * readers never see a half-applied change. A keyid already held by another partner stays with its
 * first holder: one key never speaks for two partners.
 */
public final class PartnerDirectory {
  private static final PartnerDirectory EMPTY = new PartnerDirectory(Map.of(), Map.of());

  private final Map<String, Partner> partners;
  private final Map<String, RegisteredKey> keys;

  private PartnerDirectory(Map<String, Partner> partners, Map<String, RegisteredKey> keys) {
    this.partners = partners;
    this.keys = keys;
  }

  public static PartnerDirectory empty() {
    return EMPTY;
  }

  /** A directory of {@code partners}, folded in order. */
  public static PartnerDirectory of(Collection<Partner> partners) {
    PartnerDirectory directory = EMPTY;
    for (Partner partner : partners) {
      directory = directory.with(partner);
    }
    return directory;
  }

  /** This directory with {@code partner}'s registration replaced by the given one. */
  public PartnerDirectory with(Partner partner) {
    Map<String, Partner> nextPartners = new HashMap<>(partners);
    nextPartners.put(partner.partnerId(), partner);
    Map<String, RegisteredKey> nextKeys = keysWithout(partner.partnerId());
    for (PartnerKey key : partner.keys()) {
      nextKeys.putIfAbsent(key.keyId().hex(), new RegisteredKey(partner, key));
    }
    return new PartnerDirectory(Map.copyOf(nextPartners), Map.copyOf(nextKeys));
  }

  /** This directory without {@code partnerId} (a tombstone on the partners topic). */
  public PartnerDirectory without(String partnerId) {
    Map<String, Partner> nextPartners = new HashMap<>(partners);
    nextPartners.remove(partnerId);
    return new PartnerDirectory(Map.copyOf(nextPartners), Map.copyOf(keysWithout(partnerId)));
  }

  public Optional<Partner> partner(String partnerId) {
    return Optional.ofNullable(partnerId).map(partners::get);
  }

  /** The registered key a keyid names, with its partner; empty for null or unknown keyids. */
  public Optional<RegisteredKey> key(String keyid) {
    return Optional.ofNullable(keyid).map(keys::get);
  }

  public Collection<Partner> partners() {
    return partners.values();
  }

  public int size() {
    return partners.size();
  }

  private Map<String, RegisteredKey> keysWithout(String partnerId) {
    Map<String, RegisteredKey> remaining = new HashMap<>(keys);
    remaining.values().removeIf(k -> k.partner().partnerId().equals(partnerId));
    return remaining;
  }
}
