package io.sealtrail.cli.demo;

import io.sealtrail.client.Outcome;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What ingest answered to the demo: accepted, duplicates, rejections by reason; when each was sent.
 */
final class SubmissionTally {
  private long accepted;
  private long duplicates;
  private final Map<String, Long> rejected = new TreeMap<>();
  private final Map<String, Instant> sentAt = new HashMap<>();

  synchronized void record(DemoEvent event, Outcome outcome, Instant at) {
    if (outcome instanceof Outcome.Accepted) {
      accepted++;
    } else if (outcome instanceof Outcome.Duplicate) {
      duplicates++;
    } else if (outcome instanceof Outcome.Rejected r) {
      rejected.merge(r.reason(), 1L, Long::sum);
    } else {
      throw new IllegalStateException(event.eventId() + " was not answered: " + outcome);
    }
    sentAt.putIfAbsent(event.eventId(), at);
  }

  synchronized long accepted() {
    return accepted;
  }

  synchronized long duplicates() {
    return duplicates;
  }

  synchronized Map<String, Long> rejected() {
    return Map.copyOf(rejected);
  }

  synchronized long rejectedTotal() {
    return rejected.values().stream().mapToLong(Long::longValue).sum();
  }

  /** When {@code eventId} was sent (its batch's request began), if it was. */
  synchronized Instant sentAt(String eventId) {
    return sentAt.get(eventId);
  }
}
