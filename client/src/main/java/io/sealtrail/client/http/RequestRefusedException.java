package io.sealtrail.client.http;

/**
 * The platform refused the request as a whole (4xx problem, e.g. {@code unreadable-body} or {@code
 * request-too-large}): sending it again gives the same answer. Nothing of it was taken.
 */
public final class RequestRefusedException extends RuntimeException {
  private final int status;
  private final String problemType;

  public RequestRefusedException(int status, String problemType, String message) {
    super(message);
    this.status = status;
    this.problemType = problemType;
  }

  public int status() {
    return status;
  }

  /** The RFC 9457 problem {@code type} URI, stable to branch on; empty when none was sent. */
  public String problemType() {
    return problemType;
  }
}
