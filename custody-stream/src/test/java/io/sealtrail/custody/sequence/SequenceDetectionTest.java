package io.sealtrail.custody.sequence;

import static io.sealtrail.custody.fixtures.CustodyEvents.componentReceived;
import static io.sealtrail.custody.fixtures.CustodyEvents.streamTimeAt;
import static io.sealtrail.custody.fixtures.Parties.MAKER;
import static io.sealtrail.custody.fixtures.Parties.MANUFACTURER_ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.common.Severity;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.process.CustodyProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sequence continuity per (partner, stream): a number still missing when the grace has passed
 * raises SEQUENCE_GAP, on the wall clock alone when no traffic follows; a number given to another
 * event raises SEQUENCE_REUSE at once. Beside each, the nearest legitimate case stays silent.
 */
class SequenceDetectionTest {
  static final Duration GRACE = Duration.ofMinutes(10);
  static final Duration QUIET = CustodyProcessor.QUIET;
  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final String LINE = "line-1";

  private final CustodyDriver custody =
      new CustodyDriver(new DetectionRules(GRACE, Duration.ofHours(1), Map.of()));

  @AfterEach
  void close() {
    custody.close();
  }

  /** Event {@code n} of stream {@code stream}: a lot booked in at T0 + n minutes. */
  static EventFixture numbered(String stream, long n) {
    return componentReceived(stream + "-LOT-" + n, "PN-1", T0.plus(Duration.ofMinutes(n)))
        .inStream(stream, n);
  }

  static EventFixture numbered(long n) {
    return numbered(LINE, n);
  }

  @Test
  void shouldRaiseSequenceGapOnTheWallClockAloneWhenANumberIsMissingAndNoTrafficFollows() {
    custody.send(numbered(0), numbered(2));

    custody.advanceWallClock(QUIET); // the first check notes the traffic
    custody.advanceWallClock(GRACE.minusSeconds(1));
    assertThat(custody.violations()).as("before grace + quiet").isEmpty();
    custody.advanceWallClock(Duration.ofSeconds(1));

    assertThat(custody.violations())
        .singleElement()
        .satisfies(
            gap -> {
              assertThat(gap.getType()).isEqualTo(AlertType.SEQUENCE_GAP);
              assertThat(gap.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(gap.getSerial()).isEqualTo(numbered(2).serial());
              assertThat(gap.getAttributes())
                  .containsEntry("stream", LINE)
                  .containsEntry("missingFrom", "1")
                  .containsEntry("missingTo", "1")
                  .containsEntry("partner", MAKER);
              assertThat(gap.getEvidence())
                  .extracting(Evidence::getEventId)
                  .containsExactly(numbered(2).eventId(), numbered(0).eventId());
            });
  }

  @Test
  void shouldRaiseNothingWhenTheMissingNumberArrivesWithinTheGrace() {
    custody.send(numbered(0), numbered(2));
    custody.advanceWallClock(GRACE.minusMinutes(1));

    custody.send(numbered(1));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseSequenceGapWhenStreamTimePassesTheGrace() {
    custody.send(numbered(0), numbered(2));

    custody.send(numbered(13)); // T0 + 13 min: past event 2 + grace in event time

    assertThat(custody.violations())
        .extracting(
            v -> v.getAttributes().get("missingFrom") + ".." + v.getAttributes().get("missingTo"))
        .containsExactly("1..1");
    custody.afterGrace();
    assertThat(custody.violations())
        .extracting(
            v -> v.getAttributes().get("missingFrom") + ".." + v.getAttributes().get("missingTo"))
        .containsExactly("3..12");
  }

  @Test
  void shouldRaiseOneGapForTheNumbersBeforeTheFirstWhenAStreamDoesNotStartAtZero() {
    custody.send(numbered(3), numbered(4));

    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(
            gap -> {
              assertThat(gap.getAttributes())
                  .containsEntry("missingFrom", "0")
                  .containsEntry("missingTo", "2");
              assertThat(gap.getEvidence())
                  .extracting(Evidence::getEventId)
                  .containsExactly(numbered(3).eventId());
            });
  }

  @Test
  void shouldRaiseEachRunStillMissingWhenALateNumberSplitsAGap() {
    custody.send(numbered(0), numbered(4), numbered(2));

    custody.afterGrace();

    assertThat(custody.violations())
        .extracting(
            v ->
                v.getAttributes().get("missingFrom")
                    + ".."
                    + v.getAttributes().get("missingTo")
                    + " before "
                    + v.getEvidence().get(0).getEventId())
        .containsExactlyInAnyOrder(
            "1..1 before " + numbered(2).eventId(), "3..3 before " + numbered(4).eventId());
  }

  @Test
  void shouldRaiseAGapOnceWhenItsNumberArrivesAfterItWasRaised() {
    custody.send(numbered(0), numbered(2));
    custody.afterGrace();
    assertThat(custody.violationTypes()).containsExactly(AlertType.SEQUENCE_GAP);

    custody.send(numbered(1), numbered(3));
    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldRaiseSequenceReuseAtOnceWhenAnotherEventTakesANumber() {
    EventFixture first = numbered(0);
    EventFixture other =
        componentReceived("LOT-OTHER", "PN-2", T0.plusSeconds(30)).inStream(LINE, 0);

    custody.send(first, other);

    assertThat(custody.violations())
        .singleElement()
        .satisfies(
            reuse -> {
              assertThat(reuse.getType()).isEqualTo(AlertType.SEQUENCE_REUSE);
              assertThat(reuse.getSeverity()).isEqualTo(Severity.HIGH);
              assertThat(reuse.getSerial()).isEqualTo("LOT-OTHER");
              assertThat(reuse.getAttributes())
                  .containsEntry("stream", LINE)
                  .containsEntry("sequence", "0");
              assertThat(reuse.getEvidence())
                  .extracting(Evidence::getEventId)
                  .containsExactly(other.eventId(), first.eventId());
            });
    custody.afterGrace();
    assertThat(custody.violations()).as("nothing held").isEmpty();
  }

  @Test
  void shouldRaiseNothingWhenTheSameEventArrivesTwice() {
    custody.send(numbered(0), numbered(1), numbered(1));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldKeepStreamsOfOnePartnerAndOfTwoPartnersApart() {
    custody.send(
        numbered("line-1", 0),
        numbered("line-2", 0),
        componentReceived("LOT-B", "PN-1", T0)
            .by("other-maker", MANUFACTURER_ROLE)
            .inStream(LINE, 0),
        numbered("line-1", 1),
        componentReceived("LOT-C", "PN-1", T0.plusSeconds(90))
            .by("other-maker", MANUFACTURER_ROLE)
            .inStream(LINE, 1));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
  }

  @Test
  void shouldJudgeNoContinuityWhenEventsCarryNoStream() {
    custody.send(
        componentReceived("LOT-1", "PN-1", T0), streamTimeAt(T0.plus(Duration.ofHours(1))));

    custody.afterGrace();

    assertThat(custody.violations()).isEmpty();
    assertThat(custody.<Violation>store(SequenceStores.GAPS).approximateNumEntries()).isZero();
  }
}
