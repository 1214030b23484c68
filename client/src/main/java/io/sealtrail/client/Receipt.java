package io.sealtrail.client;

import java.util.Objects;

/**
 * The platform's receipt for an accepted event: the RFC 9162 leaf hash (standard base64) the
 * transparency log appends for it, and the path that answers its index and inclusion proof once the
 * log has checkpointed it ({@code /v1/log/proof/inclusion?partnerId=…&eventId=…}). {@link
 * Proofs#fetch} checks the proof it gets against this leaf hash.
 */
public record Receipt(String leafHash, String inclusionProof) {
  public Receipt {
    Objects.requireNonNull(leafHash, "leafHash");
  }
}
