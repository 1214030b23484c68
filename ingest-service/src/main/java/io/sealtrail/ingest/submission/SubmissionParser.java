package io.sealtrail.ingest.submission;

import io.sealtrail.trust.ParsedEnvelope;

/**
 * Reads a submission's envelope, once: the seam through which every submission is parsed, at a door
 * and again in the verifier, so that a test can count the parses.
 */
@FunctionalInterface
public interface SubmissionParser {
  /** Trust's strict reading ({@link ParsedEnvelope#parse}). */
  SubmissionParser STRICT =
      submission -> new ParsedSubmission(submission, ParsedEnvelope.parse(submission.envelope()));

  ParsedSubmission parse(Submission submission);
}
