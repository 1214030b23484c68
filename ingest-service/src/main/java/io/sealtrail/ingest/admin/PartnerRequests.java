package io.sealtrail.ingest.admin;

import io.sealtrail.trust.crypto.KeyId;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Verifier;
import io.sealtrail.trust.crypto.Verifiers;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.policy.Policy;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    List<String> roles = request.roles() == null ? List.of() : request.roles();
    for (int i = 0; i < roles.size(); i++) {
      // Checked before the lookup: an immutable set answers contains(null) with an exception.
      if (roles.get(i) == null || !knownRoles.contains(roles.get(i))) {
        throw new InvalidRequestException(
            "/roles/" + i,
            "unknown role " + roles.get(i) + "; known: " + knownRoles.stream().sorted().toList());
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
    List<String> sites = request.sites() == null ? List.of() : request.sites();
    for (int i = 0; i < sites.size(); i++) {
      if (sites.get(i) == null || sites.get(i).isBlank()) {
        throw new InvalidRequestException("/sites/" + i, "a site is a non-blank string");
      }
    }
    return new Partner(request.partnerId(), Set.copyOf(roles), Set.copyOf(sites), keys);
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
