package io.sealtrail.custody.detect;

import io.sealtrail.avro.event.KeyProvisioned;
import io.sealtrail.custody.event.Observation;
import java.util.HashMap;
import java.util.Map;

/** Clears a held KEY_MISMATCH: a key, reported after the quote, that verifies the held quote. */
public record VerifyingKey(SignedQuote quote) implements Awaiting {
  static final String KIND = "verifying-key";

  static VerifyingKey from(Map<String, String> attributes) {
    return new VerifyingKey(SignedQuote.from(attributes));
  }

  @Override
  public boolean metBy(Observation event) {
    return event
        .detail(KeyProvisioned.class)
        .map(k -> quote.verifiesWith(k.getPublicKey()))
        .orElse(false);
  }

  @Override
  public Map<String, String> attributes() {
    Map<String, String> attributes = new HashMap<>(quote.attributes());
    attributes.put(KEY, KIND);
    return Map.copyOf(attributes);
  }
}
