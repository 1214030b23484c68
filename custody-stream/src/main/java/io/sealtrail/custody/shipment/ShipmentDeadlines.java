package io.sealtrail.custody.shipment;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.custody.detect.Settles;
import io.sealtrail.custody.process.DecisionClock;
import io.sealtrail.custody.process.Holding;
import io.sealtrail.custody.process.ZeroPadded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The shipments still open and when each is overdue, in two persistent stores (changelogged, so a
 * deadline survives a restart and moves with its partition).
 *
 * <p>{@value #DEADLINES}: {@code due\n<deadline, zero-padded epoch ms>\n<serial>\n<shipment>} → the
 * SHIPMENT_OVERDUE it raises, so those due are a range scan from the start; and {@code
 * open\n<serial>\n<shipment>} → the same, so a receipt finds it. Its {@code dueAt} attribute is the
 * deadline, its {@code detectedAt} when the shipping was seen (set anew when it is raised).
 *
 * <p>{@value #RECEIPTS}: {@code <serial>\n<shipment>} → when it was received (epoch ms), for a
 * receipt that arrives before its shipping; removed when the shipping arrives. Only a receipt whose
 * shipping never comes (itself an INVALID_TRANSITION) or comes after it was raised overdue stays.
 */
final class ShipmentDeadlines {
  static final String DEADLINES = "custody-shipment-deadlines-store";
  static final String RECEIPTS = "custody-shipment-receipts-store";

  private static final String SEPARATOR = "\n";
  private static final String DUE = "due" + SEPARATOR;
  private static final String OPEN = "open" + SEPARATOR;
  private static final int PADDED = 20;
  private final KeyValueStore<String, Violation> deadlines;
  private final KeyValueStore<String, Long> receipts;

  /** Sorts after every key of {@link #DUE}: the end of a scan of all deadlines. */
  private static final String DUE_END = "due" + (char) (SEPARATOR.charAt(0) + 1);

  /**
   * No deadline in the store is earlier than this (as its key writes it: epoch ms, at least 0);
   * unknown (0) until the first scan. Every event decides what its time made due, and a scan opens
   * a RocksDB iterator: 8 % of the custody stream thread's CPU in the bench profile (issue #20),
   * nearly always to find nothing. This instance is the store's only writer in its task and is made
   * anew when the task is (re)initialised, after a restore.
   */
  private long earliest;

  ShipmentDeadlines(
      KeyValueStore<String, Violation> deadlines, KeyValueStore<String, Long> receipts) {
    this.deadlines = deadlines;
    this.receipts = receipts;
  }

  /**
   * Opens {@code shipment} of {@code serial}, to raise {@code overdue} at {@code deadline}, unless
   * its receipt came first and in time.
   */
  void shipped(String serial, String shipment, Instant deadline, Violation overdue) {
    String shipmentKey = serial + SEPARATOR + shipment;
    Long receivedAt = receipts.get(shipmentKey);
    if (receivedAt != null) {
      receipts.delete(shipmentKey);
      if (receivedAt <= deadline.toEpochMilli()) {
        return;
      }
    }
    deadlines.put(OPEN + shipmentKey, overdue);
    deadlines.put(dueKey(deadline, shipmentKey), overdue);
    earliest = Math.min(earliest, Math.max(0, deadline.toEpochMilli()));
  }

  /**
   * Closes {@code shipment} of {@code serial}, received at {@code receivedAt}: a receipt by the
   * deadline cancels it; a later one leaves it to be raised, as the shipment was overdue.
   */
  void received(String serial, String shipment, Instant receivedAt) {
    String shipmentKey = serial + SEPARATOR + shipment;
    Violation open = deadlines.get(OPEN + shipmentKey);
    if (open == null) {
      receipts.put(shipmentKey, receivedAt.toEpochMilli());
      return;
    }
    Instant deadline = Overdue.deadlineOf(open);
    if (!receivedAt.isAfter(deadline)) {
      deadlines.delete(OPEN + shipmentKey);
      deadlines.delete(dueKey(deadline, shipmentKey));
    }
  }

  /**
   * Removes and returns the shipments overdue by {@code clock}, earliest deadline first: each is
   * decided like a held finding of its deadline ({@link Holding}): the grace after it in event
   * time, or once idle when event time has passed it everywhere, or on the wall clock grace + quiet
   * after {@code onWallClock} says event time, run on from where the task stopped, reaches the
   * deadline; but a shipping seen already past its deadline (a replay, a backfill) never before
   * {@code settle} has passed on the wall clock since it was seen (see {@link Settles#shipment}).
   */
  List<Violation> takeDue(
      Holding holding,
      DecisionClock clock,
      Predicate<Instant> everywhere,
      UnaryOperator<Instant> onWallClock,
      Duration settle) {
    // With traffic only stream time decides; idle, the wall clock may be further on.
    long latest =
        clock.idle()
            ? Math.max(clock.streamTime().toEpochMilli(), clock.wallTime().toEpochMilli())
            : clock.streamTime().toEpochMilli();
    Instant until = Instant.ofEpochMilli(latest).minus(holding.grace());
    // The keys of deadlines up to until (as padded: the range scan's bound before).
    long end = Math.max(0, until.toEpochMilli() + 1);
    List<KeyValue<String, Violation>> due = new ArrayList<>();
    if (end <= earliest) {
      return List.of(); // no deadline in the store is before end: the scan would find nothing
    }
    long kept = Long.MAX_VALUE;
    try (KeyValueIterator<String, Violation> open = deadlines.range(DUE, DUE_END)) {
      while (open.hasNext()) {
        KeyValue<String, Violation> kv = open.next();
        long key = deadlineIn(kv.key);
        if (key >= end) {
          kept = Math.min(kept, key); // the first deadline after the range: the rest sort after
          break;
        }
        Instant deadline = Overdue.deadlineOf(kv.value);
        Instant onWall = onWallClock.apply(deadline);
        // A shipping seen before its deadline is live; one seen already past it waits.
        Instant seen = kv.value.getDetectedAt();
        boolean settled = deadline.isAfter(seen) || !clock.wallTime().isBefore(seen.plus(settle));
        if (settled && holding.due(deadline, onWall, holding.grace(), clock, everywhere)) {
          due.add(kv);
        } else {
          kept = Math.min(kept, key);
        }
      }
    }
    earliest = kept;
    for (KeyValue<String, Violation> kv : due) {
      deadlines.delete(kv.key);
      deadlines.delete(OPEN + kv.key.substring(kv.key.indexOf(SEPARATOR, DUE.length()) + 1));
    }
    return due.stream().map(kv -> kv.value).toList();
  }

  private static String dueKey(Instant deadline, String shipmentKey) {
    return DUE + padded(deadline.toEpochMilli()) + SEPARATOR + shipmentKey;
  }

  /** The deadline a key of {@link #DUE} names, as {@link #padded} wrote it. */
  private static long deadlineIn(String dueKey) {
    return Long.parseLong(dueKey.substring(DUE.length(), DUE.length() + PADDED));
  }

  private static String padded(long epochMilli) {
    return ZeroPadded.of(Math.max(0, epochMilli), PADDED);
  }
}
