package io.sealtrail.custody.query;

import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.custody.history.SerialHistory;
import java.util.List;
import java.util.Map;

/**
 * A serial's history as the auditor re-verifies it offline: each event with its original envelope
 * (payload type, base64 payload, signatures) and the chain link {@code hex(SHA-256(previous ||
 * payloadSha256))} after it, starting from {@code genesis}.
 */
@Serdeable
public record HistoryResponse(String serial, String genesis, String chainHash, List<Event> events) {

  /** One folded event and the chain link after it. */
  @Serdeable
  public record Event(long sequence, String chainHash, Map<String, Object> event) {}

  static HistoryResponse of(String serial, String genesis, List<SerialHistory.Entry> entries) {
    List<Event> events =
        entries.stream()
            .map(e -> new Event(e.sequence(), e.chainHash(), AvroJson.of(e.event())))
            .toList();
    String head = events.isEmpty() ? genesis : events.get(events.size() - 1).chainHash();
    return new HistoryResponse(serial, genesis, head, events);
  }
}
