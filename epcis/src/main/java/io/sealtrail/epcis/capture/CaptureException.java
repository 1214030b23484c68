package io.sealtrail.epcis.capture;

/** Thrown while reading one EPCIS event and caught at that event, which it rejects. */
final class CaptureException extends RuntimeException {
  private final transient Rejection rejection;

  CaptureException(RejectionCode code, String pointer, String message) {
    super(message, null, false, false);
    this.rejection = new Rejection(code, pointer, message);
  }

  Rejection rejection() {
    return rejection;
  }
}
