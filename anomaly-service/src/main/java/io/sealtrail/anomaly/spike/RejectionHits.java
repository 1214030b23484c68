package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.rejection.RejectedSubmission;
import org.apache.kafka.streams.KeyValue;

/**
 * The rejections to count: each rejected submission once, whatever the reason, in the cohort of the
 * partner it claimed, else of its key id, else of its site. The partner comes first because a
 * campaign of unknown or forged keys spreads over many key ids but claims one partner.
 */
public final class RejectionHits {
  private RejectionHits() {}

  public static boolean isAttributable(RejectedSubmission r) {
    return r.getPartnerId() != null || r.getKeyId() != null || r.getSite() != null;
  }

  /** Cohort key → submission id, for an attributable rejection. */
  public static KeyValue<String, String> cohort(RejectedSubmission r) {
    Cohort cohort =
        r.getPartnerId() != null
            ? new Cohort("partner", r.getPartnerId())
            : r.getKeyId() != null
                ? new Cohort("key", r.getKeyId())
                : new Cohort("site", r.getSite());
    return KeyValue.pair(cohort.key(), r.getSubmissionId());
  }
}
