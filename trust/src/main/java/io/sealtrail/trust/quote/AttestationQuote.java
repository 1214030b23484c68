package io.sealtrail.trust.quote;

import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Verifiers;
import io.sealtrail.trust.dsse.Pae;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a device signs when attested: the DSSE PAE of payload type {@value #PAYLOAD_TYPE} and the
 * UTF-8 body {@code serial \n nonce \n measurementSha256 \n counter}, with the device key from its
 * KEY_PROVISIONED event.
 */
public record AttestationQuote(
    String serial, String nonce, String measurementSha256, long counter) {
  public static final String PAYLOAD_TYPE = "application/vnd.sealtrail.quote";

  public AttestationQuote {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(measurementSha256, "measurementSha256");
  }

  /** The quote body, before pre-authentication encoding. */
  public byte[] body() {
    return (serial + "\n" + nonce + "\n" + measurementSha256 + "\n" + counter)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes the device signs. */
  public byte[] signedBytes() {
    return Pae.encode(PAYLOAD_TYPE, body());
  }

  /**
   * True when {@code signature} is the device's quote over this body. A device key that cannot be
   * read or is of an unsupported type verifies nothing, so it yields false, like a wrong key.
   *
   * @param devicePublicKeySpki the DER SubjectPublicKeyInfo provisioned for the device
   */
  public boolean verify(byte[] devicePublicKeySpki, byte[] signature) {
    try {
      return Verifiers.forKey(devicePublicKeySpki).verify(signedBytes(), signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The quote a device holding {@code deviceKey} would produce; for simulators and tests. */
  public byte[] sign(Signer deviceKey) {
    return deviceKey.sign(signedBytes());
  }
}
