package io.sealtrail.custody.process;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.detect.UnknownCarriedSerial;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.history.SerialHistory;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Appends each event folded into a serial's state to the serial's history, under the same sequence
 * number as the state's event count, so the history replays the state's hash chain.
 */
final class HistoryLog {
  /** Serial, newline, zero-padded sequence → the event with its original envelope. */
  public static final String STORE = "custody-history-store";

  private final KeyValueStore<String, VerifiedEvent> store;

  HistoryLog(KeyValueStore<String, VerifiedEvent> store) {
    this.store = store;
  }

  static StoreBuilder<KeyValueStore<String, VerifiedEvent>> store(
      Serde<VerifiedEvent> serde, Storage storage) {
    return storage.store(STORE, serde);
  }

  /**
   * What {@code serial}'s history shows before a container event reaches it; stops at its birth,
   * which is usually its first event.
   */
  UnknownCarriedSerial.SerialPast pastOf(String serial) {
    boolean judged = false;
    try (KeyValueIterator<String, VerifiedEvent> events =
        store.prefixScan(SerialHistory.prefixOf(serial), new StringSerializer())) {
      while (events.hasNext()) {
        Observation event = new Observation(events.next().value);
        if (UnknownCarriedSerial.isBirthOf(serial, event)) {
          return new UnknownCarriedSerial.SerialPast(true, judged);
        }
        judged |= !event.serial().equals(serial) && UnknownCarriedSerial.judges(event);
      }
    }
    return new UnknownCarriedSerial.SerialPast(false, judged);
  }

  /** Records {@code event} as the one that brought {@code state} to its event count. */
  void append(CustodyState state, VerifiedEvent event) {
    store.put(SerialHistory.key(state.getSerial(), state.getEventCount()), event);
  }
}
