package io.sealtrail.custody.topology;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;

import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.fixtures.ShuffledLife;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Devices packed into a carton, the carton onto a pallet, the pallet shipped, received and
 * unpacked, then the carton: arriving in any order in which no event is later than the grace,
 * nothing is raised and every level ends as it would in order.
 */
class NestedShuffledLifeTest {
  static final Duration GRACE = Duration.ofMinutes(10);
  static final Duration TRANSIT = Duration.ofMinutes(30);
  static final DetectionRules RULES = new DetectionRules(GRACE, TRANSIT, Map.of());

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant DEPARTURE = minute(18);
  static final Instant ARRIVAL = DEPARTURE.plus(TRANSIT.multipliedBy(2));
  static final Instant PALLET_UNPACKING = ARRIVAL.plus(Duration.ofMinutes(3));
  static final Instant CARTON_UNPACKING = PALLET_UNPACKING.plus(Duration.ofMinutes(3));
  static final Instant INSPECTION = CARTON_UNPACKING.plus(Duration.ofMinutes(3));
  static final int STEPS = 11;

  static final String PALLET = "PALLET-3";
  static final String CARTON = "CARTON-1";
  static final String OTHER_DEVICE = "GWX1-000043";

  static Instant minute(int m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  static List<EventFixture> life() {
    return List.of(
        assembled(DEVICE, minute(0)),
        assembled(OTHER_DEVICE, minute(3)),
        packed(CARTON, minute(6), DEVICE, OTHER_DEVICE),
        packed(PALLET, minute(9), CARTON),
        sealApplied(PALLET, sealOf(PALLET), minute(12)),
        sealChecked(PALLET, sealOf(PALLET), true, minute(15)),
        shippedWith(PALLET, DEPARTURE, CARTON),
        receivedWith(PALLET, ARRIVAL, CARTON),
        unpacked(PALLET, PALLET_UNPACKING, CARTON),
        unpacked(CARTON, CARTON_UNPACKING, DEVICE, OTHER_DEVICE),
        scanned(DEVICE, INSPECTION).at(WAREHOUSE));
  }

  static final ShuffledLife LIFE =
      new ShuffledLife(
          RULES,
          life(),
          streamTimeAt(INSPECTION.plus(GRACE).plus(Duration.ofMinutes(1))),
          List.of(DEVICE, OTHER_DEVICE, CARTON, PALLET));

  /** Every level as the life leaves it when every event arrives in order. */
  private static final Map<String, CustodyState> IN_ORDER = LIFE.foldedInOrder();

  @Property(tries = 30)
  void shouldRaiseNothingAndEndAsInOrderWhenEachEventIsLateByLessThanGrace(
      @ForAll @Size(STEPS) List<@IntRange(min = 0, max = 599) Integer> delaySeconds) {
    LIFE.assertQuietAndAsInOrder(delaySeconds, IN_ORDER);
  }
}
