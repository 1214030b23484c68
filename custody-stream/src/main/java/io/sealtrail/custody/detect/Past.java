package io.sealtrail.custody.detect;

import io.sealtrail.custody.event.Observation;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A serial's events folded before the one judged (its own and its containers'), oldest first by
 * event time, so a detector can name the earlier event an alert contradicts and judge a late event
 * against its neighbours in time. Read from the serial's history only when a detector asks.
 */
@FunctionalInterface
public interface Past {
  /** No history: a serial never seen, or a judgement that needs none. */
  Past NONE = List::of;

  /** Every earlier event, sorted by when it happened; ties keep the order they were folded in. */
  List<Observation> byTime();

  /** The newest earlier event that {@code which} accepts. */
  default Optional<Observation> latest(Predicate<Observation> which) {
    return byTime().stream().filter(which).max(Comparator.comparing(Observation::occurredAt));
  }

  /** The newest earlier event {@code which} accepts that happened at or before {@code time}. */
  default Optional<Observation> latestUntil(Instant time, Predicate<Observation> which) {
    return latest(which.and(e -> !e.occurredAt().isAfter(time)));
  }

  /** The oldest earlier event {@code which} accepts that happened after {@code time}. */
  default Optional<Observation> earliestAfter(Instant time, Predicate<Observation> which) {
    return byTime().stream()
        .filter(which.and(e -> e.occurredAt().isAfter(time)))
        .min(Comparator.comparing(Observation::occurredAt));
  }
}
