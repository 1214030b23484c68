package io.sealtrail.ingest.http;

import java.util.Map;

/** A request above a documented limit (body size, batch size, envelope size): answered 413. */
public final class RequestTooLargeException extends RuntimeException {
  private final Map<String, Long> position;

  public RequestTooLargeException(String message) {
    this(message, null);
  }

  public RequestTooLargeException(String message, Map<String, Long> position) {
    super(message);
    this.position = position;
  }

  /** Which envelope is too large, or null when the request as a whole is. */
  public Map<String, Long> position() {
    return position;
  }
}
