package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.DeviceKey;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;

/**
 * KEY_MISMATCH when an attestation quote does not verify against the key provisioned for the
 * serial. A quote seen before any key is held for the grace: a late key that verifies it clears it.
 */
final class QuoteDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return event.detail(Attested.class).map(a -> judge(prior, event, a)).orElse(List.of());
  }

  private static List<Finding> judge(CustodyState prior, Observation event, Attested attested) {
    SignedQuote quote = SignedQuote.of(event.serial(), attested);
    DeviceKey key = prior == null ? null : prior.getDeviceKey();
    if (key == null) {
      String summary = "quote of " + event.serial() + " before any device key was provisioned";
      return List.of(
          Finding.of(AlertType.KEY_MISMATCH, event, summary, Map.of())
              .unless(new VerifyingKey(quote)));
    }
    if (quote.verifiesWith(key.getPublicKey())) {
      return List.of();
    }
    String summary =
        "quote of " + event.serial() + " does not verify against key " + key.getKeyId();
    return List.of(
        Finding.of(AlertType.KEY_MISMATCH, event, summary, Map.of("deviceKeyId", key.getKeyId())));
  }
}
