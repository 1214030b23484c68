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
 */
public record Submission(
    String submissionId, byte[] envelope, Channel channel, Instant receivedAt, String source) {

  public Submission {
    Objects.requireNonNull(submissionId, "submissionId");
    envelope = Objects.requireNonNull(envelope, "envelope").clone();
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** A submission received over HTTP now, with a fresh random id. */
  public static Submission http(byte[] envelope, Instant receivedAt, String remoteAddress) {
    return new Submission(
        UUID.randomUUID().toString(), envelope, Channel.HTTP, receivedAt, remoteAddress);
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
        && Objects.equals(source, that.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(submissionId, Arrays.hashCode(envelope), channel, receivedAt);
  }

  @Override
  public String toString() {
    return "Submission[" + submissionId + ", " + channel + ", " + receivedAt + ", " + source + "]";
  }
}
