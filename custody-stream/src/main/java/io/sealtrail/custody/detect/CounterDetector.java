package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;

/**
 * CLONE_SUSPECTED when attestation counters do not follow time: a newer quote with a counter not
 * above the newest one seen, or an older quote (reported late) with a counter not below it. Two
 * devices sharing one key and counting on their own break this order. The newest quote is cited.
 */
final class CounterDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return detect(prior, event, Past.NONE);
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event, Past past) {
    if (prior == null || prior.getLastAttestedAt() == null) {
      return List.of();
    }
    return event
        .detail(Attested.class)
        .filter(a -> outOfOrder(prior, event, a.getCounter()))
        .map(
            a ->
                List.of(
                    backwards(prior, event, a)
                        .citing(
                            past.latest(e -> quotes(e, prior.getAttestationCounter())),
                            "counter " + prior.getAttestationCounter())))
        .orElse(List.of());
  }

  private static boolean outOfOrder(CustodyState prior, Observation event, long counter) {
    long newest = prior.getAttestationCounter();
    boolean newer = !event.occurredAt().isBefore(prior.getLastAttestedAt());
    return newer ? counter <= newest : counter >= newest;
  }

  private static boolean quotes(Observation e, long counter) {
    return e.detail(Attested.class).map(a -> a.getCounter() == counter).orElse(false);
  }

  private static Finding backwards(CustodyState prior, Observation event, Attested attested) {
    String summary =
        "attestation counter of "
            + event.serial()
            + " went from "
            + prior.getAttestationCounter()
            + " to "
            + attested.getCounter();
    return Finding.of(
        AlertType.CLONE_SUSPECTED,
        event,
        summary,
        Map.of(
            "counter", Long.toString(attested.getCounter()),
            "previousCounter", Long.toString(prior.getAttestationCounter())));
  }
}
