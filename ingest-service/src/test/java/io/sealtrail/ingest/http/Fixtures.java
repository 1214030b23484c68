package io.sealtrail.ingest.http;

import io.sealtrail.ingest.testing.Events;
import io.sealtrail.ingest.testing.Partners;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The partners of the HTTP tests, each registered to provoke one verdict, and signed envelopes of
 * events built one field at a time.
 */
final class Fixtures {
  static final Instant NOW = Events.NOW;
  static final Instant OCCURRED = Events.OCCURRED;

  final Partners partners = new Partners();
  final Signer acmeKey = partners.acmeKey;
  final Signer strangerKey = partners.strangerKey;
  final Signer sitedKey = newKey();
  final Signer releaseKey = newKey();
  final Signer expiredKey = newKey();

  /** acme (manufacturer, any site), sited (manufacturer at site-a), rm (release manager), old. */
  List<Partner> all() {
    return List.of(
        partners.acme(),
        partner(
            "sited", "MANUFACTURER", Set.of("site-a"), PartnerKey.unbounded(sitedKey.verifier())),
        partner("rm", "RELEASE_MANAGER", Set.of(), PartnerKey.unbounded(releaseKey.verifier())),
        partner(
            "old",
            "MANUFACTURER",
            Set.of(),
            new PartnerKey(expiredKey.verifier(), null, NOW.minusSeconds(3600), null)));
  }

  private static Partner partner(String id, String role, Set<String> sites, PartnerKey key) {
    return new Partner(id, Set.of(role), sites, List.of(key));
  }

  /** An event's JSON with every common field given. */
  static String event(
      String eventId, String type, String partnerId, String site, Instant at, String detail) {
    return "{\"eventId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\",\"partnerId\":\"%s\",\"site\":\"%s\",\"subject\":\"DEV-%s\",\"detail\":%s}"
        .formatted(eventId, type, at, partnerId, site, eventId, detail);
  }

  /** A SEAL_APPLIED event of {@code partnerId}, which every manufacturer may report. */
  static String seal(String eventId, String partnerId, String sealId) {
    return event(
        eventId,
        "SEAL_APPLIED",
        partnerId,
        "factory-1",
        OCCURRED,
        "{\"sealId\":\"" + sealId + "\"}");
  }

  static byte[] signed(String eventJson, Signer key) {
    return Partners.envelope(eventJson, key);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static Signer newKey() {
    return Signers.forKey(
        KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());
  }
}
