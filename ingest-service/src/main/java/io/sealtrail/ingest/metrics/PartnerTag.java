package io.sealtrail.ingest.metrics;

import io.sealtrail.trust.partner.PartnerDirectory;
import java.util.function.Supplier;

/**
 * The {@code partner} tag of a meter: a registered partner's id, else {@value #UNKNOWN}. A claimed
 * id is whatever a submitter wrote; naming each would let anyone grow the metrics without bound.
 */
final class PartnerTag {
  static final String UNKNOWN = "unknown";

  private final Supplier<PartnerDirectory> partners;

  PartnerTag(Supplier<PartnerDirectory> partners) {
    this.partners = partners;
  }

  String of(String partnerId) {
    if (partnerId == null || partners.get().partner(partnerId).isEmpty()) {
      return UNKNOWN;
    }
    return partnerId;
  }
}
