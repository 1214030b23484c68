package io.sealtrail.custody.process;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * How far each custody task has processed its partition of the events, in event time, as the tasks
 * publish it on the releases topic (key {@link #PREFIX} and the partition, value the stream time as
 * an 8-byte long; {@link #CAUGHT_UP} from a task with nothing left to process). It shares that
 * topic, which has one partition, with the releases: a release a task wrote comes before any
 * watermark it wrote after, so a watermark past a time proves its partition's releases until then
 * are in the global store.
 */
public final class Watermarks {
  /** Key prefix of the watermarks; a product name never starts with a NUL. */
  public static final String PREFIX = "\u0000watermark\n";

  /** The watermark of a task that has processed everything it was given. */
  public static final long CAUGHT_UP = Long.MAX_VALUE;

  private final ReadOnlyKeyValueStore<String, byte[]> store;

  Watermarks(ReadOnlyKeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  /** The key under which the task of {@code partition} publishes its watermark. */
  public static String keyOf(int partition) {
    return PREFIX + partition;
  }

  /**
   * True when every other partition that published a watermark has processed past {@code time}, or
   * has nothing left to process.
   */
  boolean allPassed(Instant time, int ownPartition) {
    long at = time.toEpochMilli();
    try (KeyValueIterator<String, byte[]> all = store.prefixScan(PREFIX, new StringSerializer())) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> next = all.next();
        boolean own = next.key.equals(keyOf(ownPartition));
        if (!own && next.value != null && ByteBuffer.wrap(next.value).getLong() < at) {
          return false;
        }
      }
    }
    return true;
  }
}
