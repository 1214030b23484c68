package io.sealtrail.custody.process;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.SerialKind;
import io.sealtrail.custody.detect.Catalogue;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.detect.Finding;
import io.sealtrail.custody.detect.Past;
import io.sealtrail.custody.detect.ReleaseView;
import io.sealtrail.custody.detect.Settles;
import io.sealtrail.custody.detect.Violations;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.hold.HoldDetector;
import io.sealtrail.custody.inventory.FirmwareDelta;
import io.sealtrail.custody.layout.LayoutDetector;
import io.sealtrail.custody.policy.PolicyStore;
import io.sealtrail.custody.policy.RuntimeRules;
import io.sealtrail.custody.state.Contents;
import io.sealtrail.custody.state.CustodyFold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keeps one serial's custody state: judges each event against the state before it, folds it in,
 * judges it again in event-time order once every event before it must have arrived, and releases
 * held violations whose grace has ended (see {@link Holding}).
 */
public final class CustodyProcessor
    implements Processor<String, VerifiedEvent, String, StepOutput> {
  /** How often, in stream time, held decisions are checked for an ended grace. */
  public static final Duration RELEASE_INTERVAL = Duration.ofSeconds(30);

  /**
   * How long a task must have processed nothing new before held decisions are taken on the wall
   * clock, and how often, in wall-clock time, they are checked.
   */
  public static final Duration QUIET = Duration.ofSeconds(5);

  /** Serials that are many items or none: nothing is judged on them in event-time order. */
  private static final Set<SerialKind> NOT_JUDGED_IN_TIME =
      EnumSet.of(SerialKind.PRODUCT, SerialKind.LOT);

  private final DetectionRules configured;
  private final Function<byte[], VerifiedEvent> releaseDecoder;
  private final Holding holding;
  private final InputPartition input;
  private RuntimeRules policy;
  private DetectionRules rules;
  private Catalogue catalogue;
  private Catalogue inTimeCatalogue;
  private HoldDetector holds;
  private LayoutDetector layouts;
  private InTimeJudge inTime;
  private ReleaseView releases;
  private ProcessorContext<String, StepOutput> context;
  private StateLedger ledger;
  private HeldViolations held;
  private Watermarks watermarks;
  private int partition;
  private long published = Long.MIN_VALUE;
  private long publishedFrontier = Long.MIN_VALUE;
  private long publishedReceived = Long.MIN_VALUE;

  /**
   * The latest {@code receivedAt} processed since this task started; -1 before its first record.
   */
  private long received = Watermarks.NOTHING_PROCESSED;

  private Idleness idleness;

  /**
   * A processor judging by {@code rules}' grace and, until a policy version is in the global {@link
   * PolicyStore}, by its other rules too.
   *
   * @param settles how long, on the wall clock, a finding awaiting a release or withdrawal ({@link
   *     Settles#release}) or another partner's report ({@link Settles#report}) is held at least
   * @param releaseDecoder reads a withdrawal back from the releases store's bytes (the releases
   *     topic's value deserializer)
   * @param input the events topic and how far this task's consumer is behind its partition: an idle
   *     task says it is caught up only when that lag is none (or unknown)
   */
  public CustodyProcessor(
      DetectionRules rules,
      Settles settles,
      Function<byte[], VerifiedEvent> releaseDecoder,
      InputPartition input) {
    this.configured = rules;
    this.input = input;
    this.releaseDecoder = releaseDecoder;
    this.holding = new Holding(rules.grace(), QUIET, settles.release(), settles.report());
  }

  @Override
  public void init(ProcessorContext<String, StepOutput> context) {
    this.context = context;
    this.ledger =
        new StateLedger(
            context.getStateStore(CustodyStores.STATE), context.getStateStore(HistoryLog.STORE));
    this.held = new HeldViolations(context.getStateStore(CustodyStores.HELD_VIOLATIONS));
    this.releases =
        new StoreReleaseView(context.getStateStore(CustodyStores.RELEASES), releaseDecoder);
    this.partition = context.taskId().partition();
    this.watermarks = new Watermarks(context.getStateStore(CustodyStores.RELEASES), partition);
    this.holds = HoldDetector.over(context);
    this.layouts = LayoutDetector.over(context);
    this.policy = new RuntimeRules(configured, context.getStateStore(PolicyStore.NAME));
    refreshRules();
    this.inTime =
        new InTimeJudge(
            ledger,
            held,
            new InTimeJudgements(context.getStateStore(CustodyStores.IN_TIME_JUDGEMENTS)),
            () -> inTimeCatalogue);
    this.idleness = new Idleness(QUIET, context.currentSystemTimeMs());
    context.schedule(
        RELEASE_INTERVAL,
        PunctuationType.STREAM_TIME,
        streamTime ->
            decide(DecisionClock.ofStreamTime(streamTime, context.currentSystemTimeMs())));
    context.schedule(QUIET, PunctuationType.WALL_CLOCK_TIME, this::onWallClock);
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    if (record.value() == null) {
      return;
    }
    long seenAt = context.currentSystemTimeMs();
    idleness.processed(seenAt);
    received = Math.max(received, record.value().getReceivedAt().toEpochMilli());
    refreshRules();
    Observation event = new Observation(record.value());
    CustodyState prior = ledger.get(record.key());
    held.clearMetBy(event, holding);
    CustodyState seen = ledger.asSeenBy(prior, event);
    List<Violation> violations = judge(seen, event, ledger.pastOf(record.key()));
    CustodyState next = ledger.record(prior, CustodyFold.apply(prior, event), record.value());
    if (!NOT_JUDGED_IN_TIME.contains(next.getKind())) {
      inTime.await(next, event, Instant.ofEpochMilli(seenAt));
    }
    var firmware = FirmwareDelta.between(record.key(), prior, next);
    var carried = carried(event, seen, record.value());
    context.forward(
        record.withValue(new StepOutput(Optional.of(next), violations, carried, firmware)));
    if (published == Watermarks.CAUGHT_UP || published == Watermarks.NOTHING_PROCESSED) {
      // No longer idle, or no longer at its start: partitions waiting on this one go by what it
      // has processed now, after what it just wrote.
      publish(context.currentStreamTimeMs(), received, record.timestamp());
    }
  }

  /**
   * The catalogues of the policy version in the global store now: a new version is judged by from
   * the next event or decision on, every earlier verdict stays.
   */
  private void refreshRules() {
    DetectionRules now = policy.current();
    if (now != rules) {
      rules = now;
      catalogue = Catalogue.of(rules, releases).with(holds);
      inTimeCatalogue = Catalogue.inTimeOrder(rules, releases).with(layouts);
    }
  }

  /**
   * A container's event, re-keyed by each serial it applies to. A packing reported late is followed
   * by the container's newer events that apply to what it holds (its seal, shipping, receipt),
   * which the serials packed missed when they came first.
   */
  private List<KeyValue<String, VerifiedEvent>> carried(
      Observation event, CustodyState prior, VerifiedEvent value) {
    List<VerifiedEvent> missed =
        event.type() == EventType.PACKED && CustodyFold.isLate(prior, event)
            ? ledger.carriedSince(event.serial(), event.occurredAt())
            : List.of();
    List<KeyValue<String, VerifiedEvent>> carried = new ArrayList<>();
    for (String content : Contents.carriedBy(event, prior)) {
      carried.add(KeyValue.pair(content, value));
      missed.stream()
          // A manifest or receipt scan naming the serial already reached it.
          .filter(e -> !Contents.named(new Observation(e)).contains(content))
          .forEach(e -> carried.add(KeyValue.pair(content, e)));
    }
    return carried;
  }

  /** The violations final now; the others are held for the grace. */
  private List<Violation> judge(CustodyState prior, Observation event, Past past) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    List<Violation> finalNow = new ArrayList<>();
    for (Finding finding : catalogue.judge(prior, event, past)) {
      Violation violation = Violations.of(finding, event, now);
      if (finding.isFinal()) {
        finalNow.add(violation);
      } else {
        held.hold(violation);
      }
    }
    return finalNow;
  }

  /**
   * The wall-clock check: notes whether stream time moved since the last one, and decides on the
   * wall clock when the task has processed nothing new for {@link #QUIET}.
   */
  private void onWallClock(long wallTime) {
    decide(idleness.check(context.currentStreamTimeMs(), wallTime));
  }

  private void decide(DecisionClock clock) {
    long streamTime = clock.streamTime().toEpochMilli();
    // Before its first record a task has no stream time (-1), and a record no negative timestamp.
    long timestamp = streamTime >= 0 ? streamTime : clock.wallTime().toEpochMilli();
    // Idle is not caught up while the consumer still sees records of this partition to fetch: on a
    // busy stream thread a task may process nothing for a while with a backlog waiting.
    boolean caughtUp = clock.idle() && input.drained(partition);
    // A task with records waiting and none processed yet says so, rather than saying nothing: at a
    // fresh start it said CAUGHT_UP while its partition was empty, and that would stand, letting
    // the others decide past a receipt still in its input, until its first record.
    publish(
        caughtUp
            ? Watermarks.CAUGHT_UP
            : streamTime >= 0 ? streamTime : Watermarks.NOTHING_PROCESSED,
        // Caught up, it has processed what ingest accepted until now, but for what its consumer
        // has not yet heard of (at most a fetch old), far shorter than any settle.
        caughtUp ? Math.max(received, clock.wallTime().toEpochMilli()) : received,
        timestamp);
    Instant now = clock.wallTime();
    refreshRules();
    List<Violation> due = new ArrayList<>(inTime.judgeDue(holding, clock, watermarks, now));
    due.addAll(held.releaseDue(holding, clock, watermarks, releases));
    for (Violation violation : due) {
      context.forward(
          new Record<>(violation.getSerial(), StepOutput.released(List.of(violation)), timestamp));
    }
  }

  /**
   * Publishes this task's watermark and frontier when they moved: how far it has processed its
   * partition, the watermark {@link Watermarks#CAUGHT_UP} when it is idle, so that an idle
   * partition holds no one back, and the frontier its stream time always.
   */
  private void publish(long watermark, long receivedMark, long timestamp) {
    long frontier = context.currentStreamTimeMs();
    List<KeyValue<String, Long>> moved = new ArrayList<>(3);
    if (watermark != published) {
      published = watermark;
      moved.add(KeyValue.pair(Watermarks.keyOf(partition), watermark));
    }
    if (receivedMark != publishedReceived) {
      publishedReceived = receivedMark;
      moved.add(KeyValue.pair(Watermarks.receivedKeyOf(partition), receivedMark));
    }
    if (frontier >= 0 && frontier != publishedFrontier) {
      publishedFrontier = frontier;
      moved.add(KeyValue.pair(Watermarks.frontierKeyOf(partition), frontier));
    }
    if (!moved.isEmpty()) {
      context.forward(
          new Record<>(Watermarks.keyOf(partition), StepOutput.progress(moved), timestamp));
    }
  }
}
