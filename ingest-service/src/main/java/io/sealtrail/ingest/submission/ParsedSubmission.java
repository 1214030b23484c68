package io.sealtrail.ingest.submission;

import io.sealtrail.trust.ParsedEnvelope;
import java.util.Objects;

/**
 * A submission with its envelope read once: the one value that travels through a door (to pick its
 * {@link RoutingKey}) and, on the other side of the submissions topic, through the verifier (resend
 * lookup, trust, schema, rejection). Nothing after {@link SubmissionParser} parses the bytes again.
 */
public record ParsedSubmission(Submission submission, ParsedEnvelope envelope) {
  public ParsedSubmission {
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(envelope, "envelope");
  }

  /** The envelope's first keyid as written, or null: named when nothing better is known. */
  public String firstKeyId() {
    return envelope.firstKeyId().orElse(null);
  }
}
