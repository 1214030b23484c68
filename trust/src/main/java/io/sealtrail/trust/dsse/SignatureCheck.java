package io.sealtrail.trust.dsse;

import io.sealtrail.trust.crypto.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of checking one signature of an envelope against the key its keyid names.
 *
 * @param index the signature's position in the envelope
 * @param keyid the keyid hint as received (may be null)
 * @param status whether the key is known and the signature verifies over the PAE
 */
public record SignatureCheck(int index, String keyid, Status status) {

  /** What one signature check found. */
  public enum Status {
    /** The keyid names a known key and the signature verifies. */
    VALID,
    /** The keyid names a known key but the signature does not verify. */
    INVALID,
    /** No keyid, or a keyid that names no known key. */
    UNKNOWN_KEY
  }

  /**
   * Checks every signature of {@code envelope}; the PAE is computed once.
   *
   * @param keys finds the verifier for a keyid (called with null when a signature has none)
   */
  public static List<SignatureCheck> all(
      Envelope envelope, Function<String, Optional<Verifier>> keys) {
    byte[] pae = envelope.pae();
    List<EnvelopeSignature> signatures = envelope.signatures();
    List<SignatureCheck> checks = new ArrayList<>(signatures.size());
    for (int i = 0; i < signatures.size(); i++) {
      EnvelopeSignature signature = signatures.get(i);
      Status status =
          keys.apply(signature.keyid())
              .map(v -> v.verify(pae, signature.sig()) ? Status.VALID : Status.INVALID)
              .orElse(Status.UNKNOWN_KEY);
      checks.add(new SignatureCheck(i, signature.keyid(), status));
    }
    return checks;
  }
}
