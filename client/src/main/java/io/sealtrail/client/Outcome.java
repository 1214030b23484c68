package io.sealtrail.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What became of one submitted envelope: the platform's answer ({@link Accepted}, {@link
 * Duplicate}, {@link Rejected}) or {@link Pending} while it waits in the outbox for the platform.
 */
public sealed interface Outcome {
  /** The event's id, or null for an envelope whose payload could not be read. */
  String eventId();

  /** True once the platform answered for it; false while it is pending. */
  default boolean settled() {
    return true;
  }

  /** True for accepted and duplicate: the event is on custody.events exactly once. */
  default boolean stored() {
    return false;
  }

  /**
   * Written to custody.events at {@code partition}/{@code offset}.
   *
   * @param receipt the event's leaf in the transparency log and where its inclusion proof is
   *     answered; null from a platform that gives none
   */
  record Accepted(String eventId, int partition, long offset, Receipt receipt) implements Outcome {
    /** Without a receipt. */
    public Accepted(String eventId, int partition, long offset) {
      this(eventId, partition, offset, null);
    }

    @Override
    public boolean stored() {
      return true;
    }
  }

  /** Already accepted before with the same content (a retry): at the original's position. */
  record Duplicate(String eventId, int partition, long offset) implements Outcome {
    @Override
    public boolean stored() {
      return true;
    }
  }

  /**
   * Refused for good with a stable reason code (e.g. {@code BAD_SIGNATURE}); resending the same
   * envelope gives the same answer, so it is never retried.
   *
   * @param field JSON pointer of the field at fault, or null
   * @param signatureIndex the signature at fault, or null
   */
  record Rejected(
      String eventId, String reason, String field, Integer signatureIndex, String detail)
      implements Outcome {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The platform refused even a request holding only this envelope (a 4xx problem, e.g. {@code
   * request-too-large}); it was moved to the outbox's {@code quarantine/} directory as {@code
   * file}, not sent again.
   */
  record Refused(String eventId, String why, java.nio.file.Path file) implements Outcome {}

  /**
   * Waited in the outbox longer than the client's max age, so it was moved to {@code quarantine/}
   * as {@code file} and not sent: the platform remembers an eventId only for its dedup window (7
   * days by default), and after it a resend of an event it did accept would be stored a second
   * time. Check whether the event is on the platform before submitting it again.
   */
  record Expired(String eventId, Duration age, Duration maxAge, Path file) implements Outcome {
    /** What happened, naming the event and its age. */
    public String why() {
      return describe(eventId, age, maxAge);
    }

    static String describe(String eventId, Duration age, Duration maxAge) {
      return "event "
          + eventId
          + " waited "
          + age
          + " in the outbox, beyond the max age of "
          + maxAge
          + "; not sent, as the platform may no longer recognise it as a retry";
    }
  }

  /** Kept in the outbox, to be resent by {@code flush()} or the background sender. */
  record Pending(String eventId, String why) implements Outcome {
    @Override
    public boolean settled() {
      return false;
    }
  }
}
