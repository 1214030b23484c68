package io.sealtrail.custody.process;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.SerialKind;
import io.sealtrail.custody.detect.Past;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.history.SerialHistory;
import io.sealtrail.custody.state.Contents;
import io.sealtrail.custody.state.CustodyFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A serial's state and history together, as both custody processors keep them: each folded event is
 * appended to the history, and a late one re-folds the history by event time, so the state does not
 * depend on the order events arrived in (the hash chain does, by design).
 */
final class StateLedger {
  private final KeyValueStore<String, CustodyState> states;
  private final HistoryLog history;
  private final SerialHistory reader;

  StateLedger(
      KeyValueStore<String, CustodyState> states, KeyValueStore<String, VerifiedEvent> history) {
    this.states = states;
    this.history = new HistoryLog(history);
    this.reader = new SerialHistory(history);
  }

  CustodyState get(String serial) {
    return states.get(serial);
  }

  HistoryLog history() {
    return history;
  }

  /** Records {@code event}, folded from {@code prior} into {@code next}; returns the state kept. */
  CustodyState record(CustodyState prior, CustodyState next, VerifiedEvent event) {
    history.append(next, event);
    CustodyState kept =
        CustodyFold.isLate(prior, new Observation(event))
            ? CustodyFold.inTimeOrder(next, folded(next.getSerial()))
            : next;
    states.put(kept.getSerial(), kept);
    return kept;
  }

  /**
   * {@code prior} as an event should be judged against: for a container's late event, with what the
   * container held when the event happened, not what it holds now (a receipt scan reported after
   * the unpacking is compared with what was packed).
   */
  CustodyState asSeenBy(CustodyState prior, Observation event) {
    if (!CustodyFold.isLate(prior, event) || prior.getKind() != SerialKind.CONTAINER) {
      return prior;
    }
    List<Observation> until =
        folded(prior.getSerial()).stream()
            .filter(e -> !e.occurredAt().isAfter(event.occurredAt()))
            .toList();
    List<String> contents =
        until.isEmpty() ? List.of() : CustodyFold.inTimeOrder(prior, until).getContents();
    return CustodyState.newBuilder(prior).setContents(new ArrayList<>(contents)).build();
  }

  /**
   * The events after {@code time} that reached what the container holds: its own that apply to
   * contents, and every event of the containers holding it that reached it in turn; in the order
   * they were folded.
   */
  List<VerifiedEvent> carriedSince(String container, Instant time) {
    return reader.of(container).stream()
        .map(SerialHistory.Entry::event)
        .filter(e -> appliesToContents(container, new Observation(e), time))
        .toList();
  }

  private static boolean appliesToContents(String container, Observation event, Instant time) {
    boolean own = event.serial().equals(container);
    return event.occurredAt().isAfter(time) && (!own || Contents.appliesToContents(event));
  }

  /**
   * The {@code sequence}-th event folded into {@code serial} with the serial as it was when that
   * event happened: the fold, in event time, of every event of its history before it (ties in the
   * order they were folded), and those events as its past.
   */
  Optional<Moment> momentOf(String serial, long sequence) {
    List<SerialHistory.Entry> entries = reader.of(serial);
    Optional<SerialHistory.Entry> trigger =
        entries.stream().filter(e -> e.sequence() == sequence).findFirst();
    return trigger.map(
        t -> {
          Observation event = new Observation(t.event());
          List<Observation> before = new ArrayList<>();
          for (SerialHistory.Entry e : entries) {
            Observation earlier = new Observation(e.event());
            int when = earlier.occurredAt().compareTo(event.occurredAt());
            if (when < 0 || (when == 0 && e.sequence() < sequence)) {
              before.add(earlier);
            }
          }
          before.sort(Comparator.comparing(Observation::occurredAt)); // stable: ties in fold order
          List<Observation> byTime = List.copyOf(before);
          return new Moment(event, CustodyFold.byTime(serial, byTime), () -> byTime);
        });
  }

  /** An event and the serial as it was when the event happened, with the events before it. */
  record Moment(Observation event, CustodyState prior, Past past) {}

  /** {@code serial}'s events folded so far, read from its history the first time asked. */
  Past pastOf(String serial) {
    return new Past() {
      private List<Observation> byTime;

      @Override
      public List<Observation> byTime() {
        if (byTime == null) {
          List<Observation> sorted = new ArrayList<>(folded(serial));
          sorted.sort(Comparator.comparing(Observation::occurredAt));
          byTime = List.copyOf(sorted);
        }
        return byTime;
      }
    };
  }

  private List<Observation> folded(String serial) {
    return reader.of(serial).stream().map(e -> new Observation(e.event())).toList();
  }
}
