package io.sealtrail.custody.query;

import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.custody.history.ChainVerifier;
import io.sealtrail.custody.history.SerialHistory;
import io.sealtrail.custody.hold.HoldView;
import java.util.List;
import java.util.Map;

/**
 * A serial's history as the auditor re-verifies it offline: each event with its original envelope
 * (payload type, base64 payload, signatures) and the chain link {@code hex(SHA-256(previous ||
 * payloadSha256))} after it, starting from {@code genesis}; and {@code chain}, what {@link
 * ChainVerifier} found checking them against the state's head.
 */
@Serdeable
public record HistoryResponse(
    String serial,
    String genesis,
    String chainHash,
    List<Event> events,
    ChainStatus chain,
    List<HoldView> holds) {

  /** The same history with the active holds that cover the serial now (ADR 10). */
  HistoryResponse withHolds(List<HoldView> covering) {
    return new HistoryResponse(serial, genesis, chainHash, events, chain, List.copyOf(covering));
  }

  /** One folded event and the chain link after it. */
  @Serdeable
  public record Event(long sequence, String chainHash, Map<String, Object> event) {}

  /**
   * The answer for {@code entries}, checked against {@code stateHead}, the state's chainHash (null
   * when the serial has no state, which a history without one cannot be checked against).
   */
  static HistoryResponse of(
      String serial, String genesis, List<SerialHistory.Entry> entries, String stateHead) {
    List<Event> events =
        entries.stream()
            .map(e -> new Event(e.sequence(), e.chainHash(), AvroJson.of(e.event())))
            .toList();
    String head = events.isEmpty() ? genesis : events.get(events.size() - 1).chainHash();
    ChainStatus chain =
        stateHead == null
            ? ChainStatus.broken(events.size() + 1L, "the serial has no state holding its head")
            : ChainStatus.of(ChainVerifier.verify(entries, stateHead));
    return new HistoryResponse(serial, genesis, head, events, chain, List.of());
  }
}
