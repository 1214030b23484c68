package io.sealtrail.trust;

/**
 * The stable rejection codes of the partner contract. Trust decides the first nine and {@code
 * INSUFFICIENT_SIGNATURES}; {@code SCHEMA_VIOLATION}, {@code CLOCK_SKEW} and {@code REPLAY} are the
 * ingest service's.
 */
public enum RejectionReason {
  MALFORMED_ENVELOPE,
  MALFORMED_EVENT,
  SCHEMA_VIOLATION,
  UNKNOWN_KEY,
  BAD_SIGNATURE,
  REVOKED_KEY,
  PARTNER_MISMATCH,
  ROLE_NOT_ALLOWED,
  SITE_NOT_ALLOWED,
  INSUFFICIENT_SIGNATURES,
  CLOCK_SKEW,
  REPLAY
}
