package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.common.Evidence;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Forwards a tick carrying the task's stream time at most once per {@code every} of it, so the fold
 * learns that a cohort task has closed its windows even when nothing spiked there. It runs on each
 * hit after the detector has seen it, so a tick always follows the spikes judged before it.
 */
final class StreamTimeTicks implements Processor<String, Evidence, String, List<Alert>> {
  private final long everyMillis;
  private ProcessorContext<String, List<Alert>> context;
  // In memory only: after a restart a tick may come early, and an extra tick changes nothing.
  private long nextTick = Long.MIN_VALUE;

  StreamTimeTicks(Duration every) {
    this.everyMillis = every.toMillis();
  }

  @Override
  public void init(ProcessorContext<String, List<Alert>> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Evidence> hit) {
    long now = context.currentStreamTimeMs();
    if (now >= nextTick) {
      context.forward(new Record<>(SpikeWindows.TICK, List.of(), now));
      nextTick = now + everyMillis;
    }
  }
}
