package io.sealtrail.custody.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever order a stream's events arrive in, each late by less than the grace (events a minute
 * apart, each delayed by up to 9 minutes 59 seconds of a 10-minute grace): a gap-free sequence
 * raises nothing, and a sequence missing one number raises exactly one SEQUENCE_GAP naming it.
 */
class SequenceOrderTest {
  private static final int MAX_EVENTS = 12;
  private static final DetectionRules RULES =
      new DetectionRules(SequenceDetectionTest.GRACE, Duration.ofHours(1), Map.of());

  @Property(tries = 40)
  void shouldRaiseNothingWhenAGapFreeSequenceArrivesInAnyOrderWithinTheGrace(
      @ForAll @IntRange(min = 1, max = MAX_EVENTS) int count,
      @ForAll @Size(MAX_EVENTS) List<@IntRange(min = 0, max = 599) Integer> delays) {
    List<Integer> numbers = IntStream.range(0, count).boxed().toList();

    assertThat(arriving(numbers, delays)).isEmpty();
  }

  @Property(tries = 40)
  void shouldRaiseExactlyOneGapWhenOneNumberIsMissingWhateverTheOrder(
      @ForAll @IntRange(min = 2, max = MAX_EVENTS) int count,
      @ForAll @IntRange(min = 0, max = MAX_EVENTS - 2) int missing,
      @ForAll @Size(MAX_EVENTS) List<@IntRange(min = 0, max = 599) Integer> delays) {
    int gap = missing % (count - 1); // never the last: only a later number shows a number missing
    List<Integer> numbers = IntStream.range(0, count).filter(n -> n != gap).boxed().toList();

    assertThat(arriving(numbers, delays))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getType()).isEqualTo(AlertType.SEQUENCE_GAP);
              assertThat(v.getAttributes())
                  .containsEntry("missingFrom", Integer.toString(gap))
                  .containsEntry("missingTo", Integer.toString(gap));
            });
  }

  /**
   * Sends the events numbered {@code numbers} (event n at T0 + n minutes) in the order of their
   * arrival, event n arriving {@code delays[n]} seconds after it happened, then lets the grace pass
   * on the wall clock; what was raised.
   */
  private static List<Violation> arriving(List<Integer> numbers, List<Integer> delays) {
    List<Integer> order = new ArrayList<>(numbers);
    order.sort(Comparator.comparingLong(n -> n * 60L + delays.get(n)));
    try (CustodyDriver custody = new CustodyDriver(RULES)) {
      for (int n : order) {
        EventFixture event = SequenceDetectionTest.numbered(n);
        custody.send(event);
      }
      custody.afterGrace();
      return custody.violations();
    }
  }
}
