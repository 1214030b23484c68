package io.sealtrail.custody.lineage;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.process.StepOutput;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The custody tasks' watermarks and frontiers ({@link io.sealtrail.custody.process.Watermarks})
 * sent down the lineage topic itself, to every partition of it, after the receipts and assemblies
 * each task re-keyed before them. A task reading the lineage topic then knows how far each custody
 * task has come in what it actually read: a watermark read from the global releases store could run
 * ahead of a receipt still waiting in this task's own input (the 3,000-device demo raised a false
 * UNVERIFIED_COMPONENT so when the lot task lagged its input by more than the provenance settle).
 *
 * <p>A marker is a record with a null value (no event re-keyed by lot has one, so a partner cannot
 * forge one), the watermark's key and its value in the key after a newline, and timestamp 0 so that
 * it never moves the reading task's stream time.
 */
public final class LineageWatermarks {
  private static final String SEPARATOR = "\n";

  private LineageWatermarks() {}

  /** The markers of a custody task's watermarks that moved with {@code outcome}. */
  static List<KeyValue<String, VerifiedEvent>> markersOf(StepOutput outcome) {
    List<KeyValue<String, VerifiedEvent>> markers = new ArrayList<>(outcome.watermarks().size());
    for (KeyValue<String, Long> moved : outcome.watermarks()) {
      markers.add(KeyValue.pair(markerKey(moved.key, moved.value), null));
    }
    return markers;
  }

  /** The key of the marker of watermark (or frontier) {@code key} at {@code value}. */
  public static String markerKey(String key, long value) {
    return key + SEPARATOR + value;
  }

  /** True for a marker rather than an event re-keyed by lot. */
  public static boolean isMarker(Record<String, VerifiedEvent> record) {
    return record.value() == null && record.key() != null;
  }

  /**
   * Keeps the marker's watermark in {@code store}, under the key and with the 8 bytes the releases
   * store uses, so {@link io.sealtrail.custody.process.Watermarks} reads either.
   */
  public static void keep(
      Record<String, VerifiedEvent> marker, KeyValueStore<String, byte[]> store) {
    String key = marker.key();
    int at = key.lastIndexOf(SEPARATOR);
    long watermark = Long.parseLong(key.substring(at + 1));
    store.put(key.substring(0, at), ByteBuffer.allocate(Long.BYTES).putLong(watermark).array());
  }

  /** Stamps markers with timestamp 0, so that they never move a reader's stream time. */
  static final class Stamp extends ContextualProcessor<String, StepOutput, String, VerifiedEvent> {
    @Override
    public void process(Record<String, StepOutput> record) {
      for (KeyValue<String, VerifiedEvent> marker : markersOf(record.value())) {
        context().forward(new Record<>(marker.key, marker.value, 0L));
      }
    }
  }

  /** Sends a marker to every partition, and an event where its key says (the default). */
  static StreamPartitioner<String, VerifiedEvent> multicast() {
    return new StreamPartitioner<>() {
      @Override
      public Optional<Set<Integer>> partitions(
          String topic, String key, VerifiedEvent value, int partitions) {
        if (value != null) {
          return Optional.empty();
        }
        return Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()));
      }
    };
  }
}
