package io.sealtrail.cli.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts events, in send order, into batches that hold at most one event per subject. Ingest writes a
 * batch's events in no particular order, but a batch is answered only once all of it is written, so
 * a serial's events reach the stream in the order they were sent.
 */
final class BatchPlan {
  private BatchPlan() {}

  static List<List<DemoEvent>> of(List<DemoEvent> events, int maxSize) {
    List<List<DemoEvent>> batches = new ArrayList<>();
    List<DemoEvent> pending = events;
    while (!pending.isEmpty()) {
      List<DemoEvent> batch = new ArrayList<>();
      List<DemoEvent> later = new ArrayList<>();
      Set<String> subjects = new HashSet<>();
      for (DemoEvent e : pending) {
        // Once a subject waits, its later events wait too: their order must not change.
        if (batch.size() < maxSize && subjects.add(e.subject())) {
          batch.add(e);
        } else {
          subjects.add(e.subject());
          later.add(e);
        }
      }
      batches.add(batch);
      pending = later;
    }
    return batches;
  }
}
