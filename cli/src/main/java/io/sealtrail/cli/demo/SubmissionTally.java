package io.sealtrail.cli.demo;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** What ingest answered to the demo: accepted, duplicates, rejections by reason, and when. */
final class SubmissionTally {
  private long accepted;
  private long duplicates;
  private final Map<String, Long> rejected = new TreeMap<>();
  private final Map<String, Instant> answeredAt = new HashMap<>();

  synchronized void record(DemoEvent event, String status, String reason, Instant at) {
    switch (status) {
      case "accepted" -> accepted++;
      case "duplicate" -> duplicates++;
      default -> rejected.merge(reason, 1L, Long::sum);
    }
    answeredAt.putIfAbsent(event.eventId(), at);
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

  /** When ingest answered for {@code eventId}, if it was sent. */
  synchronized Instant answeredAt(String eventId) {
    return answeredAt.get(eventId);
  }
}
