package io.sealtrail.evidence.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.evidence.bundle.EvidenceBundle;
import io.sealtrail.trust.quote.AttestationQuote;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A serial's attestation quotes: each ATTESTED event of the serial has its quote in the bundle, the
 * quote is the one its signed event reports, its device key is the one the serial's latest
 * KEY_PROVISIONED before it provisioned, and the quote verifies with that key (trust's {@link
 * AttestationQuote}).
 */
final class QuoteChecks {
  private QuoteChecks() {}

  static void check(
      EvidenceBundle.SerialEvidence serial, List<ReadEvent> events, List<Failure> failures) {
    Map<String, EvidenceBundle.Quote> quotes = new HashMap<>();
    for (EvidenceBundle.Quote quote : serial.quotes()) {
      quotes.put(quote.eventId(), quote);
    }
    ReadEvent provisioned = null;
    for (ReadEvent event : events) {
      if (!serial.serial().equals(event.payload().path("subject").asText())) {
        continue;
      }
      if ("KEY_PROVISIONED".equals(event.type())) {
        provisioned = event;
      } else if ("ATTESTED".equals(event.type())) {
        String item = serial.serial() + " quote " + event.entry().eventId();
        EvidenceBundle.Quote quote = quotes.remove(event.entry().eventId());
        if (quote == null) {
          failures.add(new Failure(item, "the ATTESTED event's quote is not in the bundle"));
        } else {
          check(serial.serial(), item, event, quote, provisioned, failures);
        }
      }
    }
    quotes
        .keySet()
        .forEach(
            id ->
                failures.add(
                    new Failure(
                        serial.serial() + " quote " + id,
                        "no ATTESTED event of " + serial.serial() + " in the bundle reports it")));
  }

  private static void check(
      String serial,
      String item,
      ReadEvent attested,
      EvidenceBundle.Quote quote,
      ReadEvent provisioned,
      List<Failure> failures) {
    JsonNode detail = attested.payload().path("detail");
    if (!detail.path("nonce").asText().equals(quote.nonce())
        || !detail.path("measurementSha256").asText().equals(quote.measurementSha256())
        || detail.path("counter").asLong(-1) != quote.counter()
        || !detail.path("quote").asText().equals(quote.quote())) {
      failures.add(new Failure(item, "the quote differs from the one its signed event reports"));
      return;
    }
    if (provisioned == null) {
      failures.add(new Failure(item, "no KEY_PROVISIONED of " + serial + " before it"));
      return;
    }
    String provisionedKey = provisioned.payload().path("detail").path("publicKey").asText();
    if (quote.deviceKey() == null
        || !Objects.equals(quote.deviceKey().eventId(), provisioned.entry().eventId())
        || !provisionedKey.equals(quote.deviceKey().publicKey())) {
      failures.add(
          new Failure(
              item,
              "its device key is not the one "
                  + provisioned.entry().eventId()
                  + " provisioned (the serial's latest KEY_PROVISIONED before the quote)"));
      return;
    }
    Base64.Decoder base64 = Base64.getDecoder();
    boolean verifies;
    try {
      verifies =
          new AttestationQuote(serial, quote.nonce(), quote.measurementSha256(), quote.counter())
              .verify(base64.decode(provisionedKey), base64.decode(quote.quote()));
    } catch (IllegalArgumentException e) {
      verifies = false;
    }
    if (!verifies) {
      failures.add(
          new Failure(
              item,
              "the quote does not verify with the device key "
                  + provisioned.entry().eventId()
                  + " provisioned"));
    }
  }
}
