package io.sealtrail.custody.process;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.detect.Catalogue;
import io.sealtrail.custody.detect.Finding;
import io.sealtrail.custody.detect.Violations;
import io.sealtrail.custody.event.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Judges each event folded into a serial, its own or a container's, against the serial as it was
 * when the event happened, once every event before it must have arrived: what is raised then does
 * not depend on the order events arrived in. Each event is judged once.
 */
final class InTimeJudge {
  private final StateLedger ledger;
  private final HeldViolations held;
  private final InTimeJudgements pending;
  private final Supplier<Catalogue> own;
  private final Catalogue carried = Catalogue.carriedInTimeOrder();

  /** {@code own} is asked as each event is judged: the catalogue of the rules in force then. */
  InTimeJudge(
      StateLedger ledger, HeldViolations held, InTimeJudgements pending, Supplier<Catalogue> own) {
    this.ledger = ledger;
    this.held = held;
    this.pending = pending;
    this.own = own;
  }

  /** Judges {@code event}, just folded into {@code state}, once its grace has passed. */
  void await(CustodyState state, Observation event, Instant seenAt) {
    pending.await(state.getSerial(), state.getEventCount(), event.occurredAt(), seenAt);
  }

  /**
   * The violations of every event due by {@code clock} and the partitions' {@code progress},
   * detected at {@code now}.
   */
  List<Violation> judgeDue(Holding holding, DecisionClock clock, Watermarks progress, Instant now) {
    List<Violation> violations = new ArrayList<>();
    for (InTimeJudgements.Pending due : pending.takeDue(holding, clock, progress)) {
      ledger
          .momentOf(due.serial(), due.sequence())
          .ifPresent(m -> violations.addAll(judge(due.serial(), m, holding, now)));
    }
    return violations;
  }

  /**
   * The final violations of the event; one that a later event within the grace could still clear (a
   * partial unpacking's missing serials) is dropped if such an event has arrived, else held.
   */
  private List<Violation> judge(
      String serial, StateLedger.Moment moment, Holding holding, Instant now) {
    Observation event = moment.event();
    Catalogue catalogue = event.serial().equals(serial) ? own.get() : carried;
    List<Violation> finalNow = new ArrayList<>();
    for (Finding finding : catalogue.judge(moment.prior(), event, moment.past())) {
      Violation violation = Violations.of(finding, serial, event, now);
      if (finding.isFinal()) {
        finalNow.add(violation);
      } else if (ledger.pastOf(serial).byTime().stream()
          .filter(later -> later.serial().equals(serial))
          .noneMatch(
              later ->
                  holding.mayClear(violation, later.occurredAt())
                      && finding.awaiting().metBy(later))) {
        held.hold(violation);
      }
    }
    return finalNow;
  }
}
