package io.sealtrail.custody.process;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.state.CustodyState;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The named persistent stores of the custody processor. Their names also name their changelog
 * topics, so they never change.
 */
public final class CustodyStores {
  /** Per-serial custody state, keyed by serial; also what interactive queries read. */
  public static final String STATE = "custody-state-store";

  /** Violations held for the grace, keyed by serial, newline, violation id. */
  public static final String HELD_VIOLATIONS = "custody-held-violations-store";

  /** Serial, newline, zero-padded sequence → each event folded into the serial, as received. */
  public static final String HISTORY = HistoryLog.STORE;

  /**
   * Time, newline, serial, newline, history sequence → when it was seen: the events still to be
   * judged in event-time order.
   */
  public static final String IN_TIME_JUDGEMENTS = InTimeJudgements.STORE;

  /** Device keyid → the KEY_PROVISIONED that first put it on a serial. */
  public static final String KEY_HOLDERS = "custody-device-key-holders-store";

  /** Global store of approved firmware releases, keyed by product, newline, image SHA-256. */
  public static final String RELEASES = StoreReleaseView.STORE;

  private CustodyStores() {}

  public static StoreBuilder<KeyValueStore<String, CustodyState>> state(
      Serde<CustodyState> serde, Storage storage) {
    return storage.store(STATE, serde);
  }

  public static StoreBuilder<KeyValueStore<String, VerifiedEvent>> history(
      Serde<VerifiedEvent> serde, Storage storage) {
    return HistoryLog.store(serde, storage);
  }

  public static StoreBuilder<KeyValueStore<String, VerifiedEvent>> keyHolders(
      Serde<VerifiedEvent> serde, Storage storage) {
    return storage.store(KEY_HOLDERS, serde);
  }

  public static StoreBuilder<KeyValueStore<String, String>> inTimeJudgements(Storage storage) {
    return InTimeJudgements.store(storage);
  }

  public static StoreBuilder<KeyValueStore<String, Violation>> heldViolations(
      Serde<Violation> serde, Storage storage) {
    return storage.store(HELD_VIOLATIONS, serde);
  }
}
