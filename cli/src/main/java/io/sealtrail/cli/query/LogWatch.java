package io.sealtrail.cli.query;

import io.sealtrail.translog.merkle.ConsistencyProof;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteException;
import io.sealtrail.translog.note.NoteVerifier;
import io.sealtrail.translog.note.NoteVerifierKey;
import java.io.IOException;

/**
 * What a monitor checks of each checkpoint a log publishes: signed by the log's key (and of its
 * origin), never smaller than the last one seen, the same root for the same size, and, once grown,
 * a consistency proof from the last one that verifies. Anything else is the log misbehaving.
 */
final class LogWatch {
  /** Fetches the proof that the tree of {@code from} leaves is a prefix of that of {@code to}. */
  interface Proofs {
    ConsistencyProof consistency(long from, long to) throws IOException;
  }

  /** The log signed something it must never sign: a rollback, a fork, or a bad signature. */
  static final class Misbehaved extends RuntimeException {
    Misbehaved(String message) {
      super(message);
    }
  }

  private final NoteVerifierKey key;
  private final NoteVerifier verifier;

  LogWatch(NoteVerifierKey key) {
    this.key = key;
    this.verifier = NoteVerifier.of(key);
  }

  /** The checkpoint in {@code note}, once its signature by the log's key holds. */
  Checkpoint verify(String note) {
    try {
      return Checkpoint.verify(note, verifier, key.name());
    } catch (NoteException e) {
      throw new Misbehaved("checkpoint not signed by " + key + ": " + e.getMessage());
    }
  }

  /**
   * Judges {@code next} against {@code last} (null before the first) and says what it saw.
   *
   * @throws Misbehaved on a rollback, a fork, or a consistency proof that does not hold
   */
  String judge(Checkpoint last, Checkpoint next, Proofs proofs) throws IOException {
    String head = "size " + next.size() + " root " + next.rootHash().base64();
    if (last == null) {
      return head + " (first checkpoint seen)";
    }
    if (next.size() < last.size()) {
      throw new Misbehaved(
          "rollback: the log now signs size " + next.size() + " after size " + last.size());
    }
    if (next.size() == last.size()) {
      if (!next.rootHash().matches(last.rootHash())) {
        throw new Misbehaved(
            "fork: two roots signed for size "
                + next.size()
                + ": "
                + last.rootHash().base64()
                + " and "
                + next.rootHash().base64());
      }
      return head + " (unchanged)";
    }
    ConsistencyProof proof = proofs.consistency(last.size(), next.size());
    if (proof.from() != last.size()
        || proof.to() != next.size()
        || !proof.verifies(last.rootHash(), next.rootHash())) {
      throw new Misbehaved(
          "fork: size "
              + next.size()
              + " is not consistent with size "
              + last.size()
              + " seen before (the proof does not hold)");
    }
    return head + " (consistent with size " + last.size() + ")";
  }
}
