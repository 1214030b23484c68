package io.sealtrail.custody.sequence;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.process.CustodyProcessor;
import io.sealtrail.custody.process.DecisionClock;
import io.sealtrail.custody.process.Holding;
import io.sealtrail.custody.process.Idleness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Checks the numbering of each (partner, stream), its events re-keyed by {@link StreamKey}. A
 * stream counts from 0. A number given to a second event (another event id) raises SEQUENCE_REUSE
 * at once. A number above the next expected opens a run of missing numbers, held like the custody
 * processor's held findings ({@link Holding}): a late event within the grace fills its number, and
 * what is still missing is raised as one SEQUENCE_GAP per run once stream time has passed the event
 * after the run + grace, or, with no traffic, grace + quiet after the run was noticed on the wall
 * clock. A number arriving after its gap was raised raises nothing more.
 */
final class SequenceProcessor implements Processor<String, VerifiedEvent, String, Violation> {
  private final Duration grace;
  private final Holding holding;
  private ProcessorContext<String, Violation> context;
  private KeyValueStore<String, VerifiedEvent> numbers;
  private KeyValueStore<String, Long> frontiers;
  private StreamGaps gaps;
  private Idleness idleness;

  SequenceProcessor(Duration grace) {
    this.grace = grace;
    this.holding = new Holding(grace, CustodyProcessor.QUIET);
  }

  @Override
  public void init(ProcessorContext<String, Violation> context) {
    this.context = context;
    this.numbers = context.getStateStore(SequenceStores.NUMBERS);
    this.frontiers = context.getStateStore(SequenceStores.FRONTIERS);
    this.gaps = new StreamGaps(context.getStateStore(SequenceStores.GAPS));
    this.idleness = new Idleness(CustodyProcessor.QUIET, context.currentSystemTimeMs());
    context.schedule(
        CustodyProcessor.RELEASE_INTERVAL,
        PunctuationType.STREAM_TIME,
        streamTime ->
            forward(
                gaps.releaseDue(
                    holding,
                    grace,
                    DecisionClock.ofStreamTime(streamTime, context.currentSystemTimeMs()))));
    context.schedule(CustodyProcessor.QUIET, PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    if (record.value() == null) {
      return;
    }
    idleness.processed(context.currentSystemTimeMs());
    String stream = record.key();
    Observation event = new Observation(record.value());
    long n = record.value().getEvent().getSequence();
    String entry = StreamKey.entry(stream, n);
    VerifiedEvent holder = numbers.get(entry);
    if (holder == null) {
      numbers.put(entry, record.value());
      number(stream, n, event);
    } else if (!holder.getEvent().getEventId().equals(event.eventId())) {
      forward(List.of(SequenceFindings.reuse(event, new Observation(holder), now())));
    }
    // A run this event shows may already be past its grace in stream time (another stream's events
    // moved it on): decide this stream's runs now, not at the next punctuation.
    forward(
        gaps.releaseDue(
            stream,
            holding,
            grace,
            DecisionClock.ofStreamTime(
                context.currentStreamTimeMs(), context.currentSystemTimeMs())));
  }

  /** A number seen for the first time: past the frontier it may open a run, below it fill one. */
  private void number(String stream, long n, Observation event) {
    Long stored = frontiers.get(stream);
    long frontier = stored == null ? 0 : stored;
    if (n < frontier) {
      gaps.fill(stream, n, event);
      return;
    }
    if (n > frontier) {
      Optional<Observation> before =
          frontier == 0
              ? Optional.empty()
              : Optional.ofNullable(numbers.get(StreamKey.entry(stream, frontier - 1)))
                  .map(Observation::new);
      gaps.open(stream, n, SequenceFindings.gap(frontier, n - 1, event, before, now()));
    }
    frontiers.put(stream, n == Long.MAX_VALUE ? n : n + 1);
  }

  /**
   * The wall-clock check, as the custody processor's: notes whether stream time moved, and decides
   * on the wall clock once nothing new was processed for {@link CustodyProcessor#QUIET}.
   */
  private void onWallClock(long wallTime) {
    forward(
        gaps.releaseDue(holding, grace, idleness.check(context.currentStreamTimeMs(), wallTime)));
  }

  private void forward(List<Violation> violations) {
    long streamTime = context.currentStreamTimeMs();
    long timestamp = streamTime >= 0 ? streamTime : context.currentSystemTimeMs();
    for (Violation violation : violations) {
      context.forward(new Record<>(violation.getSerial(), violation, timestamp));
    }
  }

  private Instant now() {
    return Instant.ofEpochMilli(context.currentSystemTimeMs());
  }
}
