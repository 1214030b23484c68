package io.sealtrail.ingest.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Custody event payloads (the JSON a partner signs) that tests vary one field at a time. */
public final class Events {
  /** The receipt time of the tests' submissions: the present, as keys are checked against it. */
  public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  /** When the tests' events happened: shortly before receipt. */
  public static final Instant OCCURRED = NOW.minus(1, ChronoUnit.MINUTES);

  private Events() {}

  /** A SEAL_APPLIED event of partner acme about {@code subject}. */
  public static String sealApplied(String eventId, String subject, String sealId, Instant at) {
    return sealApplied(Partners.ACME, eventId, subject, sealId, at);
  }

  /** A SEAL_APPLIED event of {@code partnerId} about {@code subject}. */
  public static String sealApplied(
      String partnerId, String eventId, String subject, String sealId, Instant at) {
    return "{\"eventId\":\""
        + eventId
        + "\",\"type\":\"SEAL_APPLIED\",\"occurredAt\":\""
        + at
        + "\",\"partnerId\":\""
        + partnerId
        + "\",\"site\":\"factory-1\",\"subject\":\""
        + subject
        + "\",\"detail\":{\"sealId\":\""
        + sealId
        + "\"}}";
  }

  /** A SEAL_APPLIED event whose detail lacks the required sealId. */
  public static String sealAppliedWithoutSealId(String eventId, Instant at) {
    return "{\"eventId\":\""
        + eventId
        + "\",\"type\":\"SEAL_APPLIED\",\"occurredAt\":\""
        + at
        + "\",\"partnerId\":\"acme\",\"site\":\"factory-1\",\"subject\":\"DEV-1\",\"detail\":{}}";
  }
}
