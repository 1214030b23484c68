package io.sealtrail.custody.process;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.detect.Catalogue;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.detect.Finding;
import io.sealtrail.custody.detect.Past;
import io.sealtrail.custody.detect.ReleaseView;
import io.sealtrail.custody.detect.Violations;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.inventory.FirmwareDelta;
import io.sealtrail.custody.state.Contents;
import io.sealtrail.custody.state.CustodyFold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Keeps one serial's custody state: judges each event against the state before it, folds it in, and
 * releases held violations whose grace has ended in stream (event) time.
 */
public final class CustodyProcessor implements Processor<String, VerifiedEvent, String, Outcome> {
  /** How often, in stream time, held violations are checked for an ended grace. */
  static final Duration RELEASE_INTERVAL = Duration.ofSeconds(30);

  /**
   * How long, in wall-clock time after its detection, a violation that another partition's event
   * could clear is held beyond its grace (see {@link Holding}): long enough for a partition
   * trailing this one to catch up and for the global table to show what it wrote.
   */
  public static final Duration ELSEWHERE_SETTLE = Duration.ofSeconds(30);

  /** How often, in wall-clock time, held violations are checked for their settle. */
  static final Duration SETTLE_INTERVAL = Duration.ofSeconds(5);

  private final DetectionRules rules;
  private final Holding holding;
  private Catalogue catalogue;
  private ReleaseView releases;
  private ProcessorContext<String, Outcome> context;
  private StateLedger ledger;
  private HeldViolations held;

  public CustodyProcessor(DetectionRules rules) {
    this.rules = rules;
    this.holding = new Holding(rules.grace(), ELSEWHERE_SETTLE);
  }

  @Override
  public void init(ProcessorContext<String, Outcome> context) {
    this.context = context;
    this.ledger =
        new StateLedger(
            context.getStateStore(CustodyStores.STATE), context.getStateStore(HistoryLog.STORE));
    this.held = new HeldViolations(context.getStateStore(CustodyStores.HELD_VIOLATIONS));
    this.releases = new StoreReleaseView(context.getStateStore(CustodyStores.RELEASES));
    this.catalogue = Catalogue.of(rules, releases);
    context.schedule(
        RELEASE_INTERVAL,
        PunctuationType.STREAM_TIME,
        streamTime -> releaseExpired(streamTime, context.currentSystemTimeMs()));
    context.schedule(
        SETTLE_INTERVAL,
        PunctuationType.WALL_CLOCK_TIME,
        wallTime -> releaseExpired(context.currentStreamTimeMs(), wallTime));
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    if (record.value() == null) {
      return;
    }
    Observation event = new Observation(record.value());
    CustodyState prior = ledger.get(record.key());
    held.clearMetBy(event);
    CustodyState seen = ledger.asSeenBy(prior, event);
    List<Violation> violations = judge(seen, event, ledger.pastOf(record.key()));
    CustodyState next = ledger.record(prior, CustodyFold.apply(prior, event), record.value());
    var firmware = FirmwareDelta.between(record.key(), prior, next);
    var carried = carried(event, seen, record.value());
    context.forward(
        record.withValue(new Outcome(Optional.of(next), violations, carried, firmware)));
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

  private void releaseExpired(long streamTime, long wallTime) {
    List<Violation> due =
        held.releaseDue(
            Instant.ofEpochMilli(streamTime), Instant.ofEpochMilli(wallTime), holding, releases);
    for (Violation violation : due) {
      context.forward(
          new Record<>(violation.getSerial(), Outcome.released(List.of(violation)), streamTime));
    }
  }
}
