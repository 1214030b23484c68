package io.sealtrail.trust.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where an event stands in its producer's ordered stream: the stream's name (a producer's own, e.g.
 * a station id) and the event's number in it, counted from 0. An event carries both, at its top
 * level, or neither. custody-stream checks continuity per (partner, stream) with them.
 *
 * @param stream 1 to {@value #MAX_STREAM_LENGTH} characters, no control characters
 * @param sequence at least 0
 */
public record StreamPosition(String stream, long sequence) {
  public static final String STREAM = "stream";
  public static final String SEQUENCE = "sequence";
  public static final int MAX_STREAM_LENGTH = 128;

  public StreamPosition {
    streamDefect(stream)
        .ifPresent(
            defect -> {
              throw new InvalidStreamPositionException(STREAM, defect);
            });
    if (sequence < 0) {
      throw new InvalidStreamPositionException(SEQUENCE, "must be an integer >= 0");
    }
  }

  /**
   * The position an event payload (a JSON object) carries, or empty when it carries none; a {@code
   * null} value counts as absent.
   *
   * @throws InvalidStreamPositionException naming the field at fault: a wrong type or bound, or one
   *     of the two without the other
   */
  public static Optional<StreamPosition> read(JsonNode event) {
    JsonNode stream = present(event.get(STREAM));
    JsonNode sequence = present(event.get(SEQUENCE));
    if (stream == null && sequence == null) {
      return Optional.empty();
    }
    if (stream == null) {
      throw new InvalidStreamPositionException(STREAM, "is required with sequence");
    }
    if (sequence == null) {
      throw new InvalidStreamPositionException(SEQUENCE, "is required with stream");
    }
    if (!stream.isTextual()) {
      throw new InvalidStreamPositionException(STREAM, "must be a string");
    }
    // An integral JSON number only: 1.0 or 1e3 is not a sequence number, nor is one past 2^63-1.
    if (!sequence.isIntegralNumber() || !sequence.canConvertToLong()) {
      throw new InvalidStreamPositionException(
          SEQUENCE, "must be an integer >= 0 and <= " + Long.MAX_VALUE);
    }
    return Optional.of(new StreamPosition(stream.textValue(), sequence.longValue()));
  }

  private static JsonNode present(JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }

  private static Optional<String> streamDefect(String stream) {
    if (stream == null || stream.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (stream.codePointCount(0, stream.length()) > MAX_STREAM_LENGTH) {
      return Optional.of("must be at most " + MAX_STREAM_LENGTH + " characters");
    }
    if (stream.isBlank() || stream.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("must not be blank or hold control characters");
    }
    return Optional.empty();
  }

  /** A stream or sequence against the contract; {@link #field()} names which. */
  public static final class InvalidStreamPositionException extends IllegalArgumentException {
    private final String field;

    InvalidStreamPositionException(String field, String message) {
      super(message);
      this.field = field;
    }

    /** {@code stream} or {@code sequence}. */
    public String field() {
      return field;
    }
  }
}
