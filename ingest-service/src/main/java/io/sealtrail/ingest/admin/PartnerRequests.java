package io.sealtrail.ingest.admin;

import io.sealtrail.trust.crypto.KeyId;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Verifier;
import io.sealtrail.trust.crypto.Verifiers;
import io.sealtrail.trust.partner.Grant;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.policy.Policy;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a registration request into a {@link Partner} with trust's own parsing, so a key the
 * verifier would refuse is refused here first, with the field that holds it.
 */
final class PartnerRequests {
  private static final int MAX_REASON = 500;
  private static final int MAX_ALERT_ID = 128; // as custody-stream's holds take an alertId
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private final Set<String> knownRoles;

  PartnerRequests(Policy policy) {
    this.knownRoles = policy.mayReport().keySet();
  }

  Partner toPartner(PartnerRequest request) {
    if (request.partnerId() == null || request.partnerId().isBlank()) {
      throw new InvalidRequestException("/partnerId", "partnerId is required");
    }
    Named roles = named(request.roles(), "/roles", "role");
    for (int i = 0; i < roles.all().size(); i++) {
      String role = roles.all().get(i);
      if (!knownRoles.contains(role)) {
        throw new InvalidRequestException(
            roles.pointer(i),
            "unknown role " + role + "; known: " + knownRoles.stream().sorted().toList());
      }
    }
    if (request.keys() == null || request.keys().isEmpty()) {
      throw new InvalidRequestException("/keys", "at least one key is required");
    }
    List<PartnerKey> keys = new ArrayList<>();
    Set<KeyId> keyIds = new HashSet<>();
    for (int i = 0; i < request.keys().size(); i++) {
      PartnerKey key = key(request.keys().get(i), "/keys/" + i);
      if (!keyIds.add(key.keyId())) {
        throw new InvalidRequestException(
            "/keys/" + i + "/publicKey", "the same key is listed twice: " + key.keyId().hex());
      }
      keys.add(key);
    }
    Named sites = named(request.sites(), "/sites", "site");
    return new Partner(
        request.partnerId(),
        Set.copyOf(roles.always()),
        Set.copyOf(sites.always()),
        keys,
        roles.grants(),
        sites.grants());
  }

  /**
   * Names held always and names granted for a period, read from a list whose items are a name or
   * {@code {"<kind>": name, "notBefore": .., "notAfter": ..}}; {@code all} lists every name in
   * order, for errors by index.
   */
  private record Named(String field, List<String> all, List<String> always, List<Grant> grants) {
    String pointer(int index) {
      return field + "/" + index;
    }
  }

  private static Named named(List<Object> items, String field, String kind) {
    List<String> all = new ArrayList<>();
    List<String> always = new ArrayList<>();
    List<Grant> grants = new ArrayList<>();
    List<Object> given = items == null ? List.of() : items;
    for (int i = 0; i < given.size(); i++) {
      String at = field + "/" + i;
      Object item = given.get(i);
      if (item instanceof String name) {
        all.add(nonBlank(name, at, kind));
        always.add(name);
      } else if (item instanceof Map<?, ?> grant) {
        for (Object key : grant.keySet()) {
          if (!Set.of(kind, "notBefore", "notAfter").contains(key)) {
            throw new InvalidRequestException(
                at + "/" + key, "unknown key; a grant has " + kind + ", notBefore, notAfter");
          }
        }
        String name =
            nonBlank(grant.get(kind) instanceof String s ? s : null, at + "/" + kind, kind);
        Instant notBefore =
            instant(text(grant.get("notBefore"), at + "/notBefore"), at + "/notBefore");
        Instant notAfter = instant(text(grant.get("notAfter"), at + "/notAfter"), at + "/notAfter");
        try {
          grants.add(new Grant(name, notBefore, notAfter));
        } catch (IllegalArgumentException e) {
          throw new InvalidRequestException(at + "/notAfter", e.getMessage());
        }
        all.add(name);
      } else {
        throw new InvalidRequestException(
            at,
            "a "
                + kind
                + " is a name, or {\""
                + kind
                + "\": name, \"notBefore\": .., \"notAfter\": ..}");
      }
    }
    return new Named(field, all, always, grants);
  }

  private static String nonBlank(String name, String at, String kind) {
    if (name == null || name.isBlank()) {
      throw new InvalidRequestException(at, "a " + kind + " is a non-blank string");
    }
    return name;
  }

  private static String text(Object value, String at) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new InvalidRequestException(at, "an RFC 3339 instant as a string");
  }

  private static PartnerKey key(PartnerRequest.Key key, String field) {
    if (key == null || key.publicKey() == null) {
      throw new InvalidRequestException(field + "/publicKey", "publicKey is required");
    }
    Verifier verifier;
    try {
      verifier = Verifiers.forKey(Pem.readPublicKey(key.publicKey()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field + "/publicKey", e.getMessage());
    }
    Instant notBefore = instant(key.notBefore(), field + "/notBefore");
    Instant notAfter = instant(key.notAfter(), field + "/notAfter");
    try {
      return new PartnerKey(verifier, notBefore, notAfter, null);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(field + "/notAfter", e.getMessage());
    }
  }

  /** A revocation's reason: null when absent, else 1 to 500 characters, not blank. */
  static String reason(String text) {
    if (text != null && (text.isBlank() || text.length() > MAX_REASON)) {
      throw new InvalidRequestException(
          "/reason", "a reason is 1 to " + MAX_REASON + " characters, not blank");
    }
    return text;
  }

  /** The alert a revocation answers: null when absent, else an alert id as a hold takes it. */
  static String alertId(String id) {
    if (id != null
        && (id.isEmpty()
            || id.length() > MAX_ALERT_ID
            || !id.equals(id.strip())
            || id.chars().anyMatch(Character::isISOControl))) {
      throw new InvalidRequestException(
          "/alertId",
          "an alert id is 1 to "
              + MAX_ALERT_ID
              + " characters without control characters or surrounding spaces");
    }
    return id;
  }

  /** An RFC 3339 instant with a four-digit year, or null when absent. */
  static Instant instant(String text, String field) {
    if (text == null) {
      return null;
    }
    Instant instant;
    try {
      instant = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(field, "not an RFC 3339 instant: " + text);
    }
    // Instant reaches year 1000000000; a registration's instants are stored as epoch millis,
    // which overflow long before. RFC 3339 has four-digit years anyway.
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new InvalidRequestException(field, "not in years 0000-9999: " + text);
    }
    return instant;
  }
}
