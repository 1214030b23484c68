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
import java.util.ArrayList;
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

  /**
   * Two more registered manufacturers, {@code bolt} and {@code crane}: with acme, their ids hash to
   * each of the 3 partitions of the tests' submissions topic, which is keyed by partner.
   */
  public final List<Manufacturer> others = List.of(manufacturer("bolt"), manufacturer("crane"));

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

  /** A manufacturer other than acme, with a key of its own. */
  public record Manufacturer(Partner partner, Signer key) {
    public String partnerId() {
      return partner.partnerId();
    }
  }

  /** A new manufacturer {@code partnerId} reporting from any site with a fresh key. */
  public Manufacturer manufacturer(String partnerId) {
    Signer key = newKey();
    return new Manufacturer(
        new Partner(
            partnerId,
            Set.of("MANUFACTURER"),
            Set.of(),
            List.of(PartnerKey.unbounded(key.verifier()))),
        key);
  }

  private PartnerDirectory directory() {
    List<Partner> all = new ArrayList<>(List.of(acme()));
    others.forEach(other -> all.add(other.partner()));
    return PartnerDirectory.of(all);
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
