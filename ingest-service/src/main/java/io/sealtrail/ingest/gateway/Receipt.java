package io.sealtrail.ingest.gateway;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What an accepted event's submitter keeps to prove later that it was recorded: the RFC 9162 leaf
 * hash the transparency log appends for it (translog's {@code AcceptedEventLeaf} of the accepted
 * envelope, standard base64, as the log's proofs write it), and where to ask for its index and
 * inclusion proof once the log has sequenced and checkpointed it.
 */
public record Receipt(String partnerId, String eventId, String leafHash) {
  /** The log's route for an inclusion proof, by partner and event id. */
  public static final String INCLUSION_PROOF = "/v1/log/proof/inclusion";

  public Receipt {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(leafHash, "leafHash");
  }

  /** The path and query that answer this event's inclusion proof. */
  public String inclusionProof() {
    return INCLUSION_PROOF
        + "?partnerId="
        + URLEncoder.encode(partnerId, StandardCharsets.UTF_8)
        + "&eventId="
        + URLEncoder.encode(eventId, StandardCharsets.UTF_8);
  }
}
