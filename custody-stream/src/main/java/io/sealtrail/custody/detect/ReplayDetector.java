package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ATTESTATION_REPLAY: an ATTESTED with a nonce the device already used in an earlier ATTESTED. A
 * verifier's nonce is fresh for each challenge, so a second quote over it is a recorded answer
 * played back. Judged in event-time order against the device's earlier attestations, so the later
 * one in event time is flagged, whatever order they arrived in (two at the same instant: the one
 * folded second). The same event again (same partner and event id) is no replay.
 */
final class ReplayDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return detect(prior, event, Past.NONE);
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event, Past past) {
    return event
        .detail(Attested.class)
        .flatMap(a -> firstUse(event, a.getNonce(), past).map(first -> replay(event, a, first)))
        .map(List::of)
        .orElse(List.of());
  }

  private static Optional<Observation> firstUse(Observation event, String nonce, Past past) {
    return past.byTime().stream()
        .filter(e -> e.serial().equals(event.serial()))
        .filter(
            e -> !(e.eventId().equals(event.eventId()) && e.partnerId().equals(event.partnerId())))
        .filter(e -> e.detail(Attested.class).map(a -> a.getNonce().equals(nonce)).orElse(false))
        .findFirst();
  }

  private static Finding replay(Observation event, Attested attested, Observation first) {
    long firstCounter = first.detail(Attested.class).orElseThrow().getCounter();
    String summary =
        String.format(
            "%s attested with nonce %s, already used by its attestation %s at %s",
            event.serial(), attested.getNonce(), first.eventId(), first.occurredAt());
    Map<String, String> attributes =
        Map.of(
            "nonce", attested.getNonce(),
            "counter", Long.toString(attested.getCounter()),
            "firstCounter", Long.toString(firstCounter),
            "firstEventId", first.eventId(),
            "firstAttestedAt", first.occurredAt().toString());
    return Finding.of(AlertType.ATTESTATION_REPLAY, event, summary, attributes)
        .citing(Optional.of(first), "nonce first used here");
  }
}
