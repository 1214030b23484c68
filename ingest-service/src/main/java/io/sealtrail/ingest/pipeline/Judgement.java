package io.sealtrail.ingest.pipeline;

import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.ingest.dedup.DedupKey;
import io.sealtrail.trust.Verification;
import java.util.Objects;

/**
 * What the checks before deduplication say about one submission: an {@link Authentic} event, or a
 * {@link Rejection}.
 */
sealed interface Judgement permits Judgement.Authentic, Rejection {

  /** A verified, schema-valid, plausibly timed event; whether it is new is decided next. */
  record Authentic(Verification.Verified verified, CustodyEvent event, String payloadSha256)
      implements Judgement {
    public Authentic {
      Objects.requireNonNull(verified, "verified");
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(payloadSha256, "payloadSha256");
    }

    /** The identity deduplication judges: see {@link DedupKey}. */
    String dedupKey() {
      return DedupKey.of(event.getPartnerId(), event.getEventId());
    }

    Claim claim() {
      return Claim.of(verified.header(), firstSignerKeyId(verified));
    }
  }

  /** The first verified signer's key, named in rejections of an authentic event. */
  static String firstSignerKeyId(Verification.Verified verified) {
    return verified.signers().get(0).keyId().hex();
  }
}
