package io.sealtrail.ingest.http;

import io.micronaut.http.HttpStatus;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.util.Map;

/**
 * A request body that cannot be split into envelopes at all: not JSON, not NDJSON, empty, or with
 * something other than objects where envelopes belong. Answered 400 {@code unreadable-body} with
 * the position.
 */
public final class UnreadableBodyException extends ProblemException {
  private final long line;
  private final long column;
  private final long byteOffset;

  public UnreadableBodyException(String message, long line, long column, long byteOffset) {
    super(
        Problem.of(
                "unreadable-body", "Request body cannot be read", HttpStatus.BAD_REQUEST, message)
            .at(Map.of("line", line, "column", column, "byteOffset", byteOffset)));
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
