package io.sealtrail.custody.detect;

import io.sealtrail.avro.event.Attested;
import io.sealtrail.custody.event.AvroBytes;
import io.sealtrail.trust.quote.AttestationQuote;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;

/** An attestation quote with the device's signature over it, checked by the trust module. */
public record SignedQuote(AttestationQuote quote, String signatureBase64) {
  private static final String SERIAL = "quote.serial";
  private static final String NONCE = "quote.nonce";
  private static final String MEASUREMENT = "quote.measurementSha256";
  private static final String COUNTER = "quote.counter";
  private static final String SIGNATURE = "quote.signature";

  /** The quote an ATTESTED event of {@code serial} carries. */
  public static SignedQuote of(String serial, Attested attested) {
    AttestationQuote quote =
        new AttestationQuote(
            serial, attested.getNonce(), attested.getMeasurementSha256(), attested.getCounter());
    return new SignedQuote(
        quote, Base64.getEncoder().encodeToString(AvroBytes.of(attested.getQuote())));
  }

  static SignedQuote from(Map<String, String> attributes) {
    AttestationQuote quote =
        new AttestationQuote(
            attributes.get(SERIAL),
            attributes.get(NONCE),
            attributes.get(MEASUREMENT),
            Long.parseLong(attributes.get(COUNTER)));
    return new SignedQuote(quote, attributes.get(SIGNATURE));
  }

  /** True when the device key {@code spki} (DER SubjectPublicKeyInfo) signed this quote. */
  public boolean verifiesWith(ByteBuffer spki) {
    return quote.verify(AvroBytes.of(spki), Base64.getDecoder().decode(signatureBase64));
  }

  Map<String, String> attributes() {
    return Map.of(
        SERIAL, quote.serial(),
        NONCE, quote.nonce(),
        MEASUREMENT, quote.measurementSha256(),
        COUNTER, Long.toString(quote.counter()),
        SIGNATURE, signatureBase64);
  }
}
