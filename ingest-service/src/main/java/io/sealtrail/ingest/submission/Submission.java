package io.sealtrail.ingest.submission;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One envelope exactly as a partner sent it, with what the door recorded at receipt.
 *
 * @param submissionId unique per submission; names its reply
 * @param envelope the DSSE envelope JSON, byte for byte as received
 * @param receivedAt the receipt time at the door, which key validity is judged against
 * @param source where it came from: remote address for HTTP, {@code topic-partition@offset} for
 *     Kafka; may be null
 * @param capture which event of a signed EPCIS document this submission stands for; null for a
 *     custody event envelope
 */
public record Submission(
    String submissionId,
    byte[] envelope,
    Channel channel,
    Instant receivedAt,
    String source,
    CaptureItem capture) {

  public Submission {
    Objects.requireNonNull(submissionId, "submissionId");
    envelope = Objects.requireNonNull(envelope, "envelope").clone();
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** A submission of one custody event envelope. */
  public Submission(
      String submissionId, byte[] envelope, Channel channel, Instant receivedAt, String source) {
    this(submissionId, envelope, channel, receivedAt, source, null);
  }

  /** A submission received over HTTP now, with a fresh random id. */
  public static Submission http(byte[] envelope, Instant receivedAt, String remoteAddress) {
    return new Submission(
        UUID.randomUUID().toString(), envelope, Channel.HTTP, receivedAt, remoteAddress);
  }

  /**
   * One event of an EPCIS capture received over HTTP now ({@code POST /v1/epcis/capture}): the
   * whole signed document, standing for {@code capture}'s event.
   */
  public static Submission capture(
      byte[] envelope, Instant receivedAt, String remoteAddress, CaptureItem capture) {
    Objects.requireNonNull(capture, "capture");
    return new Submission(
        UUID.randomUUID().toString(), envelope, Channel.HTTP, receivedAt, remoteAddress, capture);
  }

  /** The envelope's size, without copying it. */
  public int size() {
    return envelope.length;
  }

  @Override
  public byte[] envelope() {
    return envelope.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Submission that
        && submissionId.equals(that.submissionId)
        && Arrays.equals(envelope, that.envelope)
        && channel == that.channel
        && receivedAt.equals(that.receivedAt)
        && Objects.equals(source, that.source)
        && Objects.equals(capture, that.capture);
  }

  @Override
  public int hashCode() {
    return Objects.hash(submissionId, Arrays.hashCode(envelope), channel, receivedAt, capture);
  }

  @Override
  public String toString() {
    return "Submission["
        + submissionId
        + ", "
        + channel
        + ", "
        + receivedAt
        + ", "
        + source
        + (capture == null ? "" : ", " + capture)
        + "]";
  }
}
