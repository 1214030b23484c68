package io.sealtrail.custody.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.EventFixture;
import io.sealtrail.custody.fixtures.LayoutFixture;
import io.sealtrail.custody.fixtures.Serials;
import io.sealtrail.custody.fixtures.TestDevice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever order a device's factory events arrive in, each late by less than the grace (events a
 * minute apart, each delayed by up to 9 minutes 59 seconds of the 10-minute grace, so any of them
 * may arrive in any order): a life that follows its layout raises nothing, and a life sealed before
 * its attestation raises exactly one PROCESS_DEVIATION, on the seal, and nothing else.
 */
class LayoutOrderTest {
  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private static final TestDevice DEVICE = TestDevice.withNewKey();
  private static final LayoutLife LIFE =
      new LayoutLife(Serials.DEVICE, DEVICE, START, Duration.ofMinutes(1));

  @Property(tries = 30)
  void shouldRaiseNothingWhenAConformingLifeArrivesInAnyOrderWithinTheGrace(
      @ForAll @Size(6) List<@IntRange(min = 0, max = 599) Integer> delays) {
    assertThat(arriving(LIFE.conforming(), delays)).isEmpty();
  }

  @Property(tries = 30)
  void shouldRaiseExactlyOneDeviationWhenADeviatingLifeArrivesInAnyOrderWithinTheGrace(
      @ForAll @Size(6) List<@IntRange(min = 0, max = 599) Integer> delays) {
    assertThat(arriving(LIFE.sealedUntested(), delays))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getType()).isEqualTo(AlertType.PROCESS_DEVIATION);
              assertThat(v.getEvidence().get(0).getEventId()).isEqualTo(LIFE.seal().eventId());
              assertThat(v.getAttributes()).containsEntry("skippedStep", "attest");
            });
  }

  /**
   * Sends event i {@code delays[i]} seconds after it happened, in arrival order, then lets the
   * grace pass on the wall clock; what was raised.
   */
  private static List<Violation> arriving(List<EventFixture> life, List<Integer> delays) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < life.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> arrivalOf(life.get(i), delays.get(i))));
    try (CustodyDriver custody = new CustodyDriver()) {
      custody.layouts(LayoutFixture.factoryFrom(START.minus(Duration.ofDays(1))));
      custody.send(LayoutLife.release(START));
      order.forEach(i -> custody.send(life.get(i)));
      return custody.afterGrace().violations();
    }
  }

  private static Instant arrivalOf(EventFixture event, int delaySeconds) {
    return event.build().getEvent().getOccurredAt().plusSeconds(delaySeconds);
  }
}
