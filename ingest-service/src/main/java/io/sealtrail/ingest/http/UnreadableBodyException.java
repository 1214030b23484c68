package io.sealtrail.ingest.http;

/**
 * A request body that cannot be split into envelopes at all: not JSON, not NDJSON, empty, or with
 * something other than objects where envelopes belong. Answered 400 with the position.
 */
public final class UnreadableBodyException extends RuntimeException {
  private final long line;
  private final long column;
  private final long byteOffset;

  public UnreadableBodyException(String message, long line, long column, long byteOffset) {
    super(message);
    this.line = line;
    this.column = column;
    this.byteOffset = byteOffset;
  }

  public long line() {
    return line;
  }

  public long column() {
    return column;
  }

  public long byteOffset() {
    return byteOffset;
  }
}
