package io.sealtrail.trust;

import io.sealtrail.trust.crypto.KeyId;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.SignatureCheck;
import io.sealtrail.trust.dsse.SignatureCheck.Status;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.PartnerKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an envelope's signatures say against one directory snapshot: each checked once, signers
 * derived once.
 */
final class SignatureFindings {
  private final PartnerDirectory directory;
  private final List<SignatureCheck> checks;
  private List<VerifiedSigner> signers;

  SignatureFindings(Envelope envelope, PartnerDirectory directory) {
    this.directory = directory;
    this.checks =
        SignatureCheck.all(envelope, keyid -> directory.key(keyid).map(k -> k.key().verifier()));
  }

  Optional<SignatureCheck> first(Status status) {
    return checks.stream().filter(c -> c.status() == status).findFirst();
  }

  /** The first valid signature whose key is not in force at {@code receivedAt}. */
  Optional<SignatureCheck> firstNotInForceAt(Instant receivedAt) {
    return checks.stream()
        .filter(c -> c.status() == Status.VALID && !key(c).standingAt(receivedAt).inForce())
        .findFirst();
  }

  /** The registered key of a valid or invalid signature. */
  PartnerKey key(SignatureCheck check) {
    return directory.key(check.keyid()).orElseThrow().key();
  }

  /** Valid signatures, one per key, in envelope order; call once keys are known to be in force. */
  List<VerifiedSigner> signers() {
    if (signers == null) {
      Map<String, VerifiedSigner> byKey = new LinkedHashMap<>();
      checks.stream()
          .filter(c -> c.status() == Status.VALID)
          .forEach(c -> byKey.putIfAbsent(c.keyid(), signer(c)));
      signers = List.copyOf(byKey.values());
    }
    return signers;
  }

  private VerifiedSigner signer(SignatureCheck check) {
    Partner partner = directory.key(check.keyid()).orElseThrow().partner();
    return new VerifiedSigner(
        check.index(), new KeyId(check.keyid()), partner.partnerId(), partner.roles());
  }
}
