package io.sealtrail.evidence.verify;

import io.sealtrail.evidence.bundle.EvidenceBundle;
import io.sealtrail.trust.crypto.KeyId;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Verifier;
import io.sealtrail.trust.crypto.Verifiers;
import io.sealtrail.trust.partner.PartnerKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partners' keys a bundle carries, each checked to be what its keyid names (the keyid is the
 * SHA-256 of the key, and every logged envelope names its signer's keyid, so a key swapped in the
 * bundle cannot verify a logged envelope). A key that fails its check is left out and reported.
 */
final class KeyRing {
  /** A registered key and whose it is. */
  record Registered(String partnerId, PartnerKey key) {}

  private final Map<String, Registered> byKeyId = new HashMap<>();

  private KeyRing() {}

  static KeyRing of(List<EvidenceBundle.Partner> partners, List<Failure> failures) {
    KeyRing ring = new KeyRing();
    for (EvidenceBundle.Partner partner : partners) {
      for (EvidenceBundle.Key key : partner.keys()) {
        String item = "partner " + partner.partnerId() + " key " + key.keyid();
        try {
          byte[] spki = Pem.readPublicKey(key.publicKey());
          String actual = KeyId.ofSubjectPublicKeyInfo(spki).hex();
          if (!actual.equals(key.keyid())) {
            failures.add(
                new Failure(
                    item,
                    "the public key given is not the key of this keyid (its keyid is "
                        + actual
                        + "): the key was swapped"));
            continue;
          }
          Verifier verifier = Verifiers.forKey(spki);
          ring.byKeyId.put(
              key.keyid(),
              new Registered(
                  partner.partnerId(),
                  new PartnerKey(
                      verifier,
                      instant(key.notBefore()),
                      instant(key.notAfter()),
                      instant(key.revokedAt()))));
        } catch (RuntimeException e) {
          failures.add(new Failure(item, "unreadable key: " + e.getMessage()));
        }
      }
    }
    return ring;
  }

  Optional<Registered> find(String keyid) {
    return keyid == null ? Optional.empty() : Optional.ofNullable(byKeyId.get(keyid));
  }

  Optional<Verifier> verifier(String keyid) {
    return find(keyid).map(r -> r.key().verifier());
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
