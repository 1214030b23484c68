package io.sealtrail.epcis.capture;

import java.util.Objects;

/**
 * Why something in an EPCIS document cannot be mapped.
 *
 * @param pointer RFC 6901 JSON pointer into the EPCIS document at the value at fault ({@code ""}
 *     for the whole document)
 */
public record Rejection(RejectionCode code, String pointer, String message) {
  public Rejection {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }
}
