package io.sealtrail.ingest.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The key of a submission on the internal submissions topic: the {@code partnerId} its payload
 * claims, read by the one strict reading the verifier uses too ({@link ParsedSubmission}). One
 * partner's submissions therefore share one partition, which brings every submission of one {@code
 * (partnerId, eventId)} to the same verifier and its dedup state, and keeps the order the partner
 * sent them in all the way to {@code custody.events} (see ADR 0004). Envelopes without a readable
 * partner fall back to the first signature's keyid, then to the submission id; they are rejected
 * anyway and never reach dedup.
 */
public final class RoutingKey {
  private RoutingKey() {}

  /** The key of {@code submission}, read once here: a door's one parse of it. */
  public static String of(Submission submission) {
    if (submission.capture() != null) {
      return submission.capture().partnerId();
    }
    return of(SubmissionParser.STRICT.parse(submission));
  }

  public static String of(ParsedSubmission parsed) {
    if (parsed.submission().capture() != null) {
      // An EPCIS document names no partner of its own: it is the capturing partner's, whose
      // events of it must meet that partner's dedup state (and order) like its other events.
      return parsed.submission().capture().partnerId();
    }
    return partnerId(parsed)
        .or(() -> parsed.envelope().firstKeyId())
        .orElse(parsed.submission().submissionId());
  }

  /**
   * The payload's {@code partnerId} when it is a string, even if another header field is at fault:
   * a partner's malformed event is still the partner's, and keeps its place among its events.
   */
  private static Optional<String> partnerId(ParsedSubmission parsed) {
    return parsed
        .envelope()
        .payload()
        .map(payload -> payload.path("partnerId"))
        .filter(JsonNode::isTextual)
        .map(JsonNode::textValue);
  }
}
