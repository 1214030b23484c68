package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.VerifiedEvent;
import org.apache.kafka.streams.KeyValue;

/**
 * The attestation failures to count: each failed ATTESTED event once, in its station's cohort, or
 * its site's when it names no station (counting both would raise two alerts for one burst).
 */
public final class AttestationHits {
  private AttestationHits() {}

  public static boolean isFailure(VerifiedEvent verified) {
    CustodyEvent e = verified.getEvent();
    return e.getType() == EventType.ATTESTED
        && e.getDetail() instanceof Attested
        && ((Attested) e.getDetail()).getVerdict() == AttestationResult.FAIL;
  }

  /** Cohort key → event id, for a failed attestation. */
  public static KeyValue<String, String> cohort(VerifiedEvent verified) {
    CustodyEvent e = verified.getEvent();
    Cohort cohort =
        e.getStation() == null
            ? new Cohort("site", e.getSite())
            : new Cohort("station", e.getStation());
    return KeyValue.pair(cohort.key(), e.getEventId());
  }
}
