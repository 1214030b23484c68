package io.sealtrail.client.proof;

import java.nio.file.Path;

/** What fetching one event's inclusion proof came to. */
public sealed interface ProofOutcome {
  String partnerId();

  String eventId();

  /**
   * The proof verified against a checkpoint signed with the configured log key, for the leaf the
   * receipt named, and is stored as {@code file}.
   */
  record Proven(String partnerId, String eventId, long leafIndex, long treeSize, Path file)
      implements ProofOutcome {}

  /**
   * No proof yet: the log has not sequenced or checkpointed the event, or could not be reached
   * ({@code why}); ask again later.
   */
  record NotYet(String partnerId, String eventId, String why) implements ProofOutcome {}

  /**
   * The log answered a proof that does not hold ({@code why}: the checkpoint's signature, another
   * leaf than the receipt's, a path that does not lead to the signed root): evidence that the log
   * misbehaves, kept out of the proofs directory.
   */
  record Failed(String partnerId, String eventId, String why) implements ProofOutcome {}
}
