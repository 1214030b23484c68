package io.sealtrail.ingest.dedup;

import java.util.Optional;

/**
 * How a verified event relates to what its partner already sent under the same eventId: new, the
 * same bytes again (a safe retry), or other bytes under a used id (a replay).
 */
public enum DedupVerdict {
  NEW,
  DUPLICATE,
  REPLAY;

  /** Judges a payload hash against the hash already accepted for its id, if any. */
  public static DedupVerdict of(Optional<String> acceptedSha256, String payloadSha256) {
    return acceptedSha256
        .map(accepted -> accepted.equals(payloadSha256) ? DUPLICATE : REPLAY)
        .orElse(NEW);
  }
}
