package io.sealtrail.custody.process;

import java.util.function.Consumer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * The clock of a processor that holds decisions for the grace, as the custody processor does
 * ({@link Holding}): it decides on stream time every {@link CustodyProcessor#RELEASE_INTERVAL}, and
 * on the wall clock every {@link CustodyProcessor#QUIET} once the task has processed nothing new
 * for that long, so a held decision fires on time even when no further traffic comes.
 */
public final class QuietClock {
  private final ProcessorContext<?, ?> context;
  private final Idleness idleness;

  private QuietClock(ProcessorContext<?, ?> context) {
    this.context = context;
    this.idleness = new Idleness(CustodyProcessor.QUIET, context.currentSystemTimeMs());
  }

  /** A clock for {@code context} whose punctuations hand {@code decide} the time to decide by. */
  public static QuietClock schedule(
      ProcessorContext<?, ?> context, Consumer<DecisionClock> decide) {
    QuietClock clock = new QuietClock(context);
    context.schedule(
        CustodyProcessor.RELEASE_INTERVAL,
        PunctuationType.STREAM_TIME,
        streamTime ->
            decide.accept(DecisionClock.ofStreamTime(streamTime, context.currentSystemTimeMs())));
    context.schedule(
        CustodyProcessor.QUIET,
        PunctuationType.WALL_CLOCK_TIME,
        wallTime -> decide.accept(clock.onWallClock(wallTime)));
    return clock;
  }

  /** A record was processed: the task is not idle. */
  public void progressed() {
    idleness.processed(context.currentSystemTimeMs());
  }

  /** The time as the record just processed left it. */
  public DecisionClock now() {
    return DecisionClock.ofStreamTime(context.currentStreamTimeMs(), context.currentSystemTimeMs());
  }

  /** The timestamp of what is decided now: stream time, or the wall clock before any record. */
  public long timestamp() {
    long streamTime = context.currentStreamTimeMs();
    return streamTime >= 0 ? streamTime : context.currentSystemTimeMs();
  }

  /** The wall-clock check ({@link Idleness#check}). */
  private DecisionClock onWallClock(long wallTime) {
    return idleness.check(context.currentStreamTimeMs(), wallTime);
  }
}
