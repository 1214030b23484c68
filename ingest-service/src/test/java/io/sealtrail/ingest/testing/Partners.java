package io.sealtrail.ingest.testing;

import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A registered manufacturer with one Ed25519 key, an unregistered stranger, and envelopes signed by
 * either: the in-memory partner directory the tests verify against.
 */
public final class Partners {
  public static final String ACME = "acme";
  private static final SecureRandom RANDOM = new SecureRandom();

  public final Signer acmeKey = newKey();
  public final Signer strangerKey = newKey();

  public SubmissionVerifier verifier() {
    PartnerDirectory directory = directory();
    return new SubmissionVerifier(() -> directory, Policy.defaults());
  }

  /**
   * A verifier whose partner directory becomes unreachable, after a one-second timeout, once {@code
   * calls} verifications have been made: the pipeline using it fails in the middle of a batch.
   */
  public SubmissionVerifier verifierFailingAfter(int calls) {
    PartnerDirectory directory = directory();
    AtomicInteger made = new AtomicInteger();
    return new SubmissionVerifier(
        () -> {
          if (made.incrementAndGet() > calls) {
            // A lookup that times out: meanwhile the batch's earlier sends reach the broker.
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            throw new IllegalStateException("partner directory unreachable");
          }
          return directory;
        },
        Policy.defaults());
  }

  private PartnerDirectory directory() {
    return PartnerDirectory.of(List.of(acme()));
  }

  /** Partner acme, a manufacturer reporting from any site with {@link #acmeKey}. */
  public Partner acme() {
    return new Partner(
        ACME, Set.of("MANUFACTURER"), Set.of(), List.of(PartnerKey.unbounded(acmeKey.verifier())));
  }

  /** The envelope JSON of {@code eventJson} signed by {@code key}, as a partner would send it. */
  public static byte[] envelope(String eventJson, Signer key) {
    var envelope =
        EnvelopeSigner.sign(
            SubmissionVerifier.EVENT_PAYLOAD_TYPE,
            eventJson.getBytes(StandardCharsets.UTF_8),
            List.of(key));
    return EnvelopeJson.write(envelope).getBytes(StandardCharsets.UTF_8);
  }

  private static Signer newKey() {
    return Signers.forKey(KeyPairs.generate(KeyAlgorithm.ED25519, RANDOM).privateKeyPkcs8());
  }
}
