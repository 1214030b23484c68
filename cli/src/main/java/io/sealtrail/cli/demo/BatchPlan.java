package io.sealtrail.cli.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts events, in send order, into batches so that a serial appears at most once among any {@code
 * inFlight} consecutive batches, counting the serials an event names as well as its subject (see
 * {@link DemoEvent#serials()}). Ingest writes a batch's events in no particular order, and answers
 * only once all are written; sending batch {@code i} only after batch {@code i - inFlight} was
 * answered therefore keeps every serial's events, and the container events naming it, in the order
 * they were sent: a carton's packing never overtakes its devices' assembly, which custody-stream
 * would rightly call an unknown serial. A batch may be empty when everything left waits for batches
 * in flight: sending it is waiting.
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
        Set<String> serials = e.serials();
        // Once a serial waits, every later event touching it waits too: their order must not
        // change.
        if (batch.size() < maxSize
            && serials.stream().noneMatch(waiting::contains)
            && serials.stream().noneMatch(subjects::contains)
            && recent.stream().noneMatch(r -> serials.stream().anyMatch(r::contains))) {
          batch.add(e);
          subjects.addAll(serials);
        } else {
          waiting.addAll(serials);
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
