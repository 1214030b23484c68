package io.sealtrail.custody.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.custody.fixtures.AttackLife;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Order independence over attack lives, one per entry of the catalogue: whatever order a life's
 * events arrive in, each late by less than the grace, the stream raises the alerts (type and
 * subject) it raises in event-time order, and none twice.
 */
class AttackOrderTest {
  private static final Map<String, List<AttackLife.Alert>> IN_ORDER = new ConcurrentHashMap<>();

  static java.util.stream.Stream<AttackLife> lives() {
    return AttackLives.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lives")
  void shouldRaiseItsAlertsWhenEventsArriveInEventTimeOrder(AttackLife life) {
    assertThat(life.inOrder(AttackLives.RULES)).isEqualTo(life.expected());
  }

  @Property(tries = 200)
  void shouldRaiseWhatEventTimeOrderRaisesWhenEachEventIsLateByLessThanGrace(
      @ForAll("lifes") AttackLife life,
      @ForAll @Size(AttackLives.MAX_EVENTS) List<@IntRange(min = 0, max = 599) Integer> delays) {
    List<AttackLife.Alert> inOrder =
        IN_ORDER.computeIfAbsent(life.name(), n -> life.inOrder(AttackLives.RULES));

    assertThat(life.arriving(AttackLives.RULES, delays))
        .as("%s, arrival order %s", life, life.arrivalOrder(delays))
        .isEqualTo(inOrder);
  }

  @Provide
  Arbitrary<AttackLife> lifes() {
    return Arbitraries.of(AttackLives.all().toList());
  }
}
