package io.sealtrail.trust;

/**
 * The stable rejection codes of the partner contract. Trust decides {@code MALFORMED_ENVELOPE},
 * {@code MALFORMED_EVENT}, {@code UNKNOWN_KEY}, {@code BAD_SIGNATURE}, {@code REVOKED_KEY}, {@code
 * PARTNER_MISMATCH}, {@code ROLE_NOT_ALLOWED}, {@code SITE_NOT_ALLOWED} and {@code
 * INSUFFICIENT_SIGNATURES}; {@code SCHEMA_VIOLATION}, {@code CLOCK_SKEW}, {@code TOO_OLD} and
 * {@code REPLAY} are the ingest service's. New codes are appended: the Avro enum keeps this order.
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
  REPLAY,
  TOO_OLD
}
