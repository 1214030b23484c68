package io.sealtrail.custody.process;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.detect.Catalogue;
import io.sealtrail.custody.detect.Finding;
import io.sealtrail.custody.detect.UnknownCarriedSerial;
import io.sealtrail.custody.detect.Violations;
import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.hold.HoldDetector;
import io.sealtrail.custody.state.Contents;
import io.sealtrail.custody.state.CustodyFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies a container's event to one serial it holds, after the event was re-keyed by that serial:
 * judges it with the carried detections, holds an UNKNOWN_SERIAL for a serial never born on its
 * own, folds the event into the serial's state in the same store, has it judged again in event-time
 * order once its grace has passed (the custody processor's checks do that), and passes it on,
 * re-keyed, to what the serial holds in turn when it is a container itself.
 */
public final class ContentsProcessor
    implements Processor<String, VerifiedEvent, String, StepOutput> {
  private final Catalogue catalogue = Catalogue.carried();
  private ProcessorContext<String, StepOutput> context;
  private StateLedger ledger;
  private HeldViolations held;
  private InTimeJudgements inTime;
  private HoldDetector holds;

  @Override
  public void init(ProcessorContext<String, StepOutput> context) {
    this.context = context;
    this.ledger =
        new StateLedger(
            context.getStateStore(CustodyStores.STATE), context.getStateStore(HistoryLog.STORE));
    this.held = new HeldViolations(context.getStateStore(CustodyStores.HELD_VIOLATIONS));
    this.inTime = new InTimeJudgements(context.getStateStore(CustodyStores.IN_TIME_JUDGEMENTS));
    this.holds = HoldDetector.over(context);
  }

  @Override
  public void process(Record<String, VerifiedEvent> record) {
    String serial = record.key();
    Observation containerEvent = new Observation(record.value());
    CustodyState prior = ledger.get(serial);
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    List<Violation> violations = new ArrayList<>();
    for (Finding finding : catalogue.judge(prior, containerEvent, ledger.pastOf(serial))) {
      violations.add(Violations.of(finding, serial, containerEvent, now));
    }
    // A held serial moved with its container (a pallet shipped, received, resealed).
    for (Finding finding : holds.detect(serial, prior, containerEvent)) {
      violations.add(Violations.of(finding, serial, containerEvent, now));
    }
    unknown(serial, prior, containerEvent)
        .ifPresent(finding -> held.hold(Violations.of(finding, serial, containerEvent, now)));
    List<KeyValue<String, VerifiedEvent>> passedOn =
        Contents.passedOn(containerEvent, ledger.asSeenBy(prior, containerEvent)).stream()
            .map(held -> KeyValue.pair(held, record.value()))
            .toList();
    CustodyState next =
        ledger.record(prior, CustodyFold.carry(prior, serial, containerEvent), record.value());
    inTime.await(serial, next.getEventCount(), containerEvent.occurredAt(), now);
    context.forward(record.withValue(StepOutput.of(next, violations, passedOn)));
  }

  /** UNKNOWN_SERIAL, to hold, when the serial turns up in custody without a birth of its own. */
  private Optional<Finding> unknown(String serial, CustodyState prior, Observation containerEvent) {
    if (!UnknownCarriedSerial.judges(containerEvent)) {
      return Optional.empty();
    }
    var past =
        prior == null ? UnknownCarriedSerial.SerialPast.NONE : ledger.history().pastOf(serial);
    return UnknownCarriedSerial.judge(serial, containerEvent, past);
  }
}
