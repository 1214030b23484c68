package io.sealtrail.ingest.submission;

/** The door a submission came through. */
public enum Channel {
  HTTP,
  KAFKA
}
