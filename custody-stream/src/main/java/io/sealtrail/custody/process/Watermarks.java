package io.sealtrail.custody.process;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * How far each custody task has processed its partition of the events, in event time, as the tasks
 * publish it on the releases topic, seen from the task of one partition. Two values per partition,
 * each an 8-byte long:
 *
 * <ul>
 *   <li>the watermark (key {@link #PREFIX} and the partition): the task's stream time, or {@link
 *       #CAUGHT_UP} while it has nothing left to process, so that an idle partition holds no one
 *       back, or {@link #NOTHING_PROCESSED} while records wait and it has processed none;
 *   <li>the frontier (key {@link #FRONTIER_PREFIX} and the partition): its stream time always, so
 *       that how far event time has come is known even when every partition is idle;
 *   <li>the received mark (key {@link #RECEIVED_PREFIX} and the partition): up to when, on ingest's
 *       clock ({@code receivedAt}), the task has processed what ingest accepted: the latest {@code
 *       receivedAt} it processed, or the wall clock while it has nothing left to process. A settle
 *       on the wall clock is measured in it ({@link #othersReceived}): a task trailing the others
 *       by more than the settle would otherwise still hold, unprocessed, a receipt ingest accepted
 *       within the settle (under load the 3,000-device demo raised false UNVERIFIED_COMPONENTs for
 *       lots whose receipts were accepted 14 s after their assemblies).
 * </ul>
 *
 * <p>They share that topic, which has one partition, with the releases: a release a task wrote
 * comes before any watermark it wrote after, so a watermark past a time proves its partition's
 * releases until then are in the global store.
 */
public final class Watermarks {
  /** Key prefix of the watermarks; a product name never starts with a NUL. */
  public static final String PREFIX = "\u0000watermark\n";

  /** Key prefix of the frontiers; distinct from {@link #PREFIX} in its first letter. */
  public static final String FRONTIER_PREFIX = "\u0000frontier\n";

  /** Key prefix of the received marks; distinct from the others in its first letter. */
  public static final String RECEIVED_PREFIX = "\u0000received\n";

  /** The watermark of a task that has processed everything it was given. */
  public static final long CAUGHT_UP = Long.MAX_VALUE;

  /**
   * The watermark of a task that has records to process and has processed none yet: it holds every
   * decision back, as a stream time before any event would.
   */
  public static final long NOTHING_PROCESSED = -1;

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final int ownPartition;

  public Watermarks(ReadOnlyKeyValueStore<String, byte[]> store, int ownPartition) {
    this.store = store;
    this.ownPartition = ownPartition;
  }

  /**
   * The progress of every custody task, seen from a task that is none of them: one downstream of a
   * repartition, whose own progress follows theirs.
   */
  public static Watermarks ofAll(ReadOnlyKeyValueStore<String, byte[]> store) {
    return new Watermarks(store, -1);
  }

  /** The key under which the task of {@code partition} publishes its watermark. */
  public static String keyOf(int partition) {
    return PREFIX + partition;
  }

  /** The key under which the task of {@code partition} publishes its frontier. */
  public static String frontierKeyOf(int partition) {
    return FRONTIER_PREFIX + partition;
  }

  /** The key under which the task of {@code partition} publishes its received mark. */
  public static String receivedKeyOf(int partition) {
    return RECEIVED_PREFIX + partition;
  }

  /**
   * True once a finding held since {@code heldSince} has been held {@code settle} on the wall clock
   * ({@code wallTime}) and every other partition has processed what ingest accepted until then
   * ({@link #othersReceived}): the end of a settle, which a partition trailing by more than it
   * would otherwise cut short.
   */
  public boolean settled(Instant heldSince, Duration settle, Instant wallTime) {
    Instant end = heldSince.plus(settle);
    return !end.isAfter(wallTime) && othersReceived(end);
  }

  /**
   * True when every other partition that published a received mark has processed everything ingest
   * accepted up to {@code time}, or has nothing left to process since then. Ingest stamps {@code
   * receivedAt} before its transaction commits, so records of one partition may reach it out of
   * that order by at most a transaction's time bound; the settles this serves are far longer.
   */
  public boolean othersReceived(Instant time) {
    return othersAtLeast(RECEIVED_PREFIX, time);
  }

  /**
   * True when every other partition that published a watermark has processed past {@code time}, or
   * has nothing left to process.
   */
  public boolean othersPassed(Instant time) {
    return othersAtLeast(PREFIX, time);
  }

  private boolean othersAtLeast(String prefix, Instant time) {
    long at = time.toEpochMilli();
    String own = prefix + ownPartition;
    try (KeyValueIterator<String, byte[]> all = store.prefixScan(prefix, new StringSerializer())) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> next = all.next();
        if (!next.key.equals(own) && next.value != null && longOf(next.value) < at) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * True when event time has passed {@code time} everywhere: every other partition has processed
   * past it or has nothing left, and at least one partition (this one included) has processed
   * events up to it, so that it is not merely that every partition is idle.
   */
  public boolean passedEverywhere(Instant time) {
    return passedEverywhere(time, Duration.ZERO);
  }

  /**
   * As {@link #passedEverywhere(Instant)}, with event time taken to have run on with the wall clock
   * for {@code runOn} past the furthest frontier: every partition caught up and this task quiet for
   * that long, event time has moved on in live operation even though no event says so. Every other
   * partition must still have processed past {@code time} itself or be caught up, so a partition
   * with a backlog holds the decision.
   */
  public boolean passedEverywhere(Instant time, Duration runOn) {
    return reached(time.minus(runOn)) && othersPassed(time);
  }

  private boolean reached(Instant time) {
    long at = time.toEpochMilli();
    try (KeyValueIterator<String, byte[]> all =
        store.prefixScan(FRONTIER_PREFIX, new StringSerializer())) {
      while (all.hasNext()) {
        byte[] value = all.next().value;
        if (value != null && longOf(value) >= at) {
          return true;
        }
      }
    }
    return false;
  }

  private static long longOf(byte[] value) {
    return ByteBuffer.wrap(value).getLong();
  }
}
