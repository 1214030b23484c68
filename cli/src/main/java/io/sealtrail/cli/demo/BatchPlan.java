package io.sealtrail.cli.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts events, in send order, into batches so that a subject appears at most once among any {@code
 * inFlight} consecutive batches. Ingest writes a batch's events in no particular order, and answers
 * only once all are written; sending batch {@code i} only after batch {@code i - inFlight} was
 * answered therefore keeps every serial's events in the order they were sent. A batch may be empty
 * when everything left waits for batches in flight: sending it is waiting.
 */
final class BatchPlan {
  private BatchPlan() {}

  static List<List<DemoEvent>> of(List<DemoEvent> events, int maxSize, int inFlight) {
    List<List<DemoEvent>> batches = new ArrayList<>();
    Deque<Set<String>> recent = new ArrayDeque<>();
    List<DemoEvent> pending = events;
    while (!pending.isEmpty()) {
      List<DemoEvent> batch = new ArrayList<>();
      List<DemoEvent> later = new ArrayList<>();
      Set<String> subjects = new HashSet<>();
      Set<String> waiting = new HashSet<>();
      for (DemoEvent e : pending) {
        String s = e.subject();
        // Once a subject waits, its later events wait too: their order must not change.
        if (batch.size() < maxSize
            && !waiting.contains(s)
            && !subjects.contains(s)
            && recent.stream().noneMatch(r -> r.contains(s))) {
          batch.add(e);
          subjects.add(s);
        } else {
          waiting.add(s);
          later.add(e);
        }
      }
      batches.add(batch);
      recent.addLast(subjects);
      if (recent.size() >= inFlight) {
        recent.removeFirst();
      }
      pending = later;
    }
    return batches;
  }
}
