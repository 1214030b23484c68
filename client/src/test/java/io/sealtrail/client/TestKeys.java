package io.sealtrail.client;

import io.sealtrail.client.event.CustodyEvent;
import io.sealtrail.client.event.Detail;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import java.security.SecureRandom;
import java.time.Instant;

/** Keys and events of the client tests. */
public final class TestKeys {
  public static final Instant OCCURRED = Instant.parse("2026-11-21T06:00:00Z");

  private TestKeys() {}

  public static Signer newKey() {
    return Signers.forKey(
        KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());
  }

  /** A SEAL_APPLIED of partner {@code partnerId} about {@code DEV-<eventId>}. */
  public static CustodyEvent seal(String partnerId, String eventId, Instant occurredAt) {
    return CustodyEvent.builder()
        .eventId(eventId)
        .occurredAt(occurredAt)
        .partnerId(partnerId)
        .site("factory-1")
        .subject("DEV-" + eventId)
        .detail(new Detail.SealApplied("S-" + eventId))
        .build();
  }
}
