package io.sealtrail.evidence.verify;

import io.sealtrail.evidence.bundle.EvidenceBundle;
import io.sealtrail.translog.entry.AcceptedEventLeaf;
import io.sealtrail.translog.merkle.Hash;
import io.sealtrail.translog.merkle.InclusionProof;
import io.sealtrail.translog.merkle.ProofVerificationException;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.trust.dsse.SignatureCheck;
import java.util.List;

/**
 * The checks of one event: its signatures against the registered keys (trust's verifier), each
 * signing key in force when the event was received, and its leaf included in the checkpoint's tree.
 */
final class EventChecks {
  private final KeyRing keys;
  private final Checkpoint checkpoint;
  private final List<Failure> failures;
  private final List<String> notes;

  /**
   * @param checkpoint the verified checkpoint, or null when it did not verify (proofs are then not
   *     checked: nothing signed says what root they should reach)
   */
  EventChecks(KeyRing keys, Checkpoint checkpoint, List<Failure> failures, List<String> notes) {
    this.keys = keys;
    this.checkpoint = checkpoint;
    this.failures = failures;
    this.notes = notes;
  }

  void check(ReadEvent event) {
    signatures(event);
    inclusion(event);
  }

  private void signatures(ReadEvent event) {
    String partner = event.entry().partnerId();
    boolean byPartner = false;
    for (SignatureCheck check : SignatureCheck.all(event.envelope(), keys::verifier)) {
      String item = event.item() + " signature " + check.index();
      switch (check.status()) {
        case UNKNOWN_KEY ->
            notes.add(item + ": keyid " + check.keyid() + " is no registered key (not counted)");
        case INVALID ->
            failures.add(
                new Failure(
                    item,
                    "does not verify with key "
                        + check.keyid()
                        + ": the payload or the signature was changed"));
        case VALID -> {
          KeyRing.Registered signer = keys.find(check.keyid()).orElseThrow();
          if (!signer.key().standingAt(event.receivedAt()).inForce()) {
            failures.add(
                new Failure(
                    item + " key validity",
                    signer.key().describeStanding(event.receivedAt())
                        + " (key of "
                        + signer.partnerId()
                        + ")"));
          } else if (signer.partnerId().equals(partner)) {
            byPartner = true;
          }
        }
      }
    }
    if (!byPartner) {
      failures.add(
          new Failure(
              event.item() + " signer",
              "no signature verifies with a key of "
                  + partner
                  + " in force at receipt "
                  + event.receivedAt()));
    }
  }

  private void inclusion(ReadEvent event) {
    if (checkpoint == null) {
      return;
    }
    String item = event.item() + " inclusion";
    EvidenceBundle.Inclusion proof = event.entry().inclusion();
    if (proof == null) {
      failures.add(new Failure(item, "no inclusion proof"));
      return;
    }
    if (proof.treeSize() != checkpoint.size()) {
      failures.add(
          new Failure(
              item,
              "the proof is for tree size "
                  + proof.treeSize()
                  + " but the checkpoint is of size "
                  + checkpoint.size()
                  + (proof.treeSize() > checkpoint.size()
                      ? ": an older checkpoint than the proofs'"
                      : ": a proof of another tree")));
      return;
    }
    AcceptedEventLeaf leaf =
        AcceptedEventLeaf.of(
            event.entry().partnerId(),
            event.entry().eventId(),
            event.envelopeBytes(),
            event.receivedAt());
    Hash leafHash = leaf.leafHash();
    if (!leafHash.base64().equals(proof.leafHash())) {
      failures.add(
          new Failure(
              item,
              "the leaf recomputed from the envelope, partner, event id and receipt is not the one"
                  + " the log recorded: the event was changed after it was accepted"));
      return;
    }
    try {
      new InclusionProof(
              proof.leafIndex(),
              proof.treeSize(),
              leafHash,
              proof.hashes().stream().map(Hash::fromBase64).toList())
          .verify(checkpoint.rootHash());
    } catch (ProofVerificationException | IllegalArgumentException e) {
      failures.add(
          new Failure(item, "the proof does not lead to the checkpoint's root: " + e.getMessage()));
    }
  }
}
