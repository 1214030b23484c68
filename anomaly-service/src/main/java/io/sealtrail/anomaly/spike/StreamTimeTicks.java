package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.Evidence;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forwards a tick carrying the time through which the task has judged every window, at most once
 * per {@code every} of it, so the fold learns that a cohort task has closed its windows even when
 * nothing spiked there. It runs on each hit after the detector has seen it, so a tick always
 * follows the spikes judged before it. That time is the task's stream time, or, while a window past
 * its close on stream time still waits for its wall settle ({@link SpikeProcessor}), just before
 * that window's close: the fold must not take the window as judged before its spikes arrive.
 */
final class StreamTimeTicks implements Processor<String, Evidence, String, List<Alert>> {
  private final SpikeKind kind;
  private final long everyMillis;
  private ProcessorContext<String, List<Alert>> context;
  private KeyValueStore<String, OpenWindow> open;
  // In memory only: after a restart a tick may come early, and an extra tick changes nothing.
  private long nextTick = Long.MIN_VALUE;
  // While a window holds the tick back, the open windows are read again at most this often: the
  // detector judges them on its one-second wall-clock check, not on a hit.
  private long nextLookWall = Long.MIN_VALUE;

  StreamTimeTicks(SpikeKind kind) {
    this.kind = kind;
    this.everyMillis = kind.rules().settle().toMillis();
  }

  @Override
  public void init(ProcessorContext<String, List<Alert>> context) {
    this.context = context;
    this.open = context.getStateStore(SpikeStores.open(kind));
  }

  @Override
  public void process(Record<String, Evidence> hit) {
    long streamTime = context.currentStreamTimeMs();
    long wall = context.currentSystemTimeMs();
    if (streamTime < nextTick || wall < nextLookWall) {
      return; // most hits: no tick due, and no store read
    }
    long now = Math.min(streamTime, oldestOpenCloseMillis() - 1);
    if (now >= nextTick) {
      context.forward(new Record<>(SpikeWindows.TICK, List.of(), now));
      nextTick = now + everyMillis;
    } else {
      nextLookWall = wall + SpikeProcessor.CHECK_EVERY.toMillis();
    }
  }

  // The store iterates windows in end order: the first is the oldest still open.
  private long oldestOpenCloseMillis() {
    try (KeyValueIterator<String, OpenWindow> windows = open.all()) {
      if (!windows.hasNext()) {
        return Long.MAX_VALUE;
      }
      return OpenWindowKey.parse(windows.next().key).endMillis() + kind.rules().grace().toMillis();
    }
  }
}
