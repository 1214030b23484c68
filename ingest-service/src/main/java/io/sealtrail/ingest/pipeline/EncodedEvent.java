package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.gateway.Receipt;
import io.sealtrail.ingest.submission.Submission;
import java.util.Objects;

/**
 * The {@code custody.events} record of an authentic submission and its receipt, encoded before the
 * submission's turn to be decided (ADR 16): on the verifier's pool, so the loop thread, which
 * decides and writes the batch's records one after another, only sends the bytes. It belongs to the
 * one judgement and submission it was encoded from ({@link #of}); whether the event is new is still
 * decided in the record's turn, so an encoding may go unused (a duplicate, a replay).
 */
record EncodedEvent(
    Judgement.Authentic authentic,
    Submission submission,
    String subject,
    byte[] value,
    Receipt receipt) {
  EncodedEvent {
    Objects.requireNonNull(authentic, "authentic");
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(receipt, "receipt");
  }

  /**
   * Whether this is the encoding of what {@code accept} writes (the same values, not equal ones).
   */
  boolean of(Decision.Accept accept) {
    return accept.authentic() == authentic && accept.submission() == submission;
  }
}
