package io.sealtrail.custody.topology;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static io.sealtrail.custody.fixtures.Shipments.*;

import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.fixtures.ShuffledLife;
import io.sealtrail.custody.fixtures.TestDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A whole legitimate life, its steps minutes apart, arriving in any order in which no event is
 * later than the grace: nothing is raised and the serials end as they would in order.
 */
class ShuffledLifeTest {
  static final Duration GRACE = Duration.ofMinutes(10);
  static final Duration TRANSIT = Duration.ofMinutes(30);
  static final DetectionRules RULES = new DetectionRules(GRACE, TRANSIT, Map.of());

  static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant RELEASE = T0.minus(Duration.ofDays(1));
  static final Instant DEPARTURE = minute(24);
  static final Instant ARRIVAL = DEPARTURE.plus(TRANSIT.multipliedBy(2));
  static final Instant UNPACKING = ARRIVAL.plus(Duration.ofMinutes(3));
  static final Instant COMMISSIONING = UNPACKING.plus(TRANSIT.multipliedBy(2));
  static final Instant FIELD_ATTESTATION = COMMISSIONING.plus(Duration.ofMinutes(3));
  static final Instant INSPECTION = FIELD_ATTESTATION.plus(Duration.ofMinutes(3));
  static final Instant END = INSPECTION;
  static final int STEPS = 16;

  private static final TestDevice DEVICE_KEY = TestDevice.withNewKey();

  static Instant minute(int m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  /** The life of NormalLifeTest, compressed so that steps at one site are within the grace. */
  static List<EventFixture> life() {
    return List.of(
        released("1.4.0", RELEASE),
        componentReceived(LOT, "CPU-A53", minute(0)),
        assembled(DEVICE, minute(3), component("CPU-A53", LOT)),
        keyProvisioned(DEVICE, DEVICE_KEY, minute(6)),
        flashed(DEVICE, "1.4.0", minute(9)),
        attested(DEVICE, DEVICE_KEY, 1, minute(12)),
        sealApplied(DEVICE, "SEAL-D42", minute(15)),
        packed(CRATE, minute(18), DEVICE),
        sealApplied(CRATE, sealOf(CRATE), minute(21)),
        shippedWith(CRATE, DEPARTURE, DEVICE),
        receivedWith(CRATE, ARRIVAL, DEVICE),
        unpacked(CRATE, UNPACKING, DEVICE),
        sealChecked(DEVICE, "SEAL-D42", true, UNPACKING.plusSeconds(60))
            .at(WAREHOUSE)
            .by(DOCK, DOCK_ROLE),
        commissioned(DEVICE, COMMISSIONING),
        attested(DEVICE, DEVICE_KEY, 2, FIELD_ATTESTATION)
            .at(CUSTOMER_SITE)
            .by(FIELD, FIELD_SERVICE_ROLE),
        scanned(DEVICE, INSPECTION, component("CPU-A53", LOT)).at(CUSTOMER_SITE));
  }

  static final ShuffledLife LIFE =
      new ShuffledLife(
          RULES,
          life(),
          streamTimeAt(END.plus(GRACE).plus(Duration.ofMinutes(1))),
          List.of(DEVICE, CRATE, LOT));

  /** The serials as the life leaves them when every event arrives in order. */
  private static final Map<String, CustodyState> IN_ORDER = LIFE.foldedInOrder();

  @Property(tries = 30)
  void shouldRaiseNothingAndEndAsInOrderWhenEachEventIsLateByLessThanGrace(
      @ForAll @Size(STEPS) List<@IntRange(min = 0, max = 599) Integer> delaySeconds) {
    LIFE.assertQuietAndAsInOrder(delaySeconds, IN_ORDER);
  }
}
