package io.sealtrail.trust.dsse;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A DSSE v1 envelope with its payload decoded: exactly the bytes that were signed.
 *
 * @param payloadType the media type the signatures authenticate
 * @param payload the raw payload bytes
 * @param signatures any number of signatures over {@link #pae()}
 */
public record Envelope(String payloadType, byte[] payload, List<EnvelopeSignature> signatures) {
  public Envelope {
    Objects.requireNonNull(payloadType, "payloadType");
    payload = Objects.requireNonNull(payload, "payload").clone();
    signatures = List.copyOf(signatures);
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** The pre-authentication encoding every signature of this envelope covers. */
  public byte[] pae() {
    return Pae.encode(payloadType, payload);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Envelope that
        && payloadType.equals(that.payloadType)
        && Arrays.equals(payload, that.payload)
        && signatures.equals(that.signatures);
  }

  @Override
  public int hashCode() {
    return Objects.hash(payloadType, Arrays.hashCode(payload), signatures);
  }

  @Override
  public String toString() {
    return "Envelope[payloadType="
        + payloadType
        + ", payload="
        + payload.length
        + " bytes, signatures="
        + signatures
        + "]";
  }
}
