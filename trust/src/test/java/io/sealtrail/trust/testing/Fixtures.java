package io.sealtrail.trust.testing;

import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Named instants, keys, partners and events that let tests read like the specification. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
  public static final String EVENT_TYPE = "application/vnd.sealtrail.event+json";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Fixtures() {}

  public static Signer newKey(KeyAlgorithm algorithm) {
    return Signers.forKey(KeyPairs.generate(algorithm, RANDOM).privateKeyPkcs8());
  }

  public static Signer ed25519() {
    return newKey(KeyAlgorithm.ED25519);
  }

  public static Signer p256() {
    return newKey(KeyAlgorithm.ECDSA_P256);
  }

  /**
   * A partner with {@code roles}, reporting from any site, holding the public halves of {@code
   * keys}.
   */
  public static Partner partner(String id, Set<String> roles, Signer... keys) {
    return partnerAt(id, roles, Set.of(), keys);
  }

  public static Partner partnerAt(String id, Set<String> roles, Set<String> sites, Signer... keys) {
    List<PartnerKey> partnerKeys =
        java.util.Arrays.stream(keys).map(k -> PartnerKey.unbounded(k.verifier())).toList();
    return new Partner(id, roles, sites, partnerKeys);
  }

  /** The JSON of a custody event with the common fields tests vary. */
  public static String event(String type, String partnerId, String site) {
    return "{\"eventId\":\"ev-1\",\"type\":\""
        + type
        + "\",\"occurredAt\":\"2026-03-01T07:59:00Z\","
        + "\"partnerId\":\""
        + partnerId
        + "\",\"site\":\""
        + site
        + "\",\"station\":\"st-4\","
        + "\"subject\":\"SN-0001\",\"detail\":{}}";
  }

  public static Envelope signed(String eventJson, Signer... keys) {
    return EnvelopeSigner.sign(
        EVENT_TYPE, eventJson.getBytes(StandardCharsets.UTF_8), List.of(keys));
  }
}
