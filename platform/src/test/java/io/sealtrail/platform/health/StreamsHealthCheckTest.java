package io.sealtrail.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamsHealthCheckTest {
  @ParameterizedTest(name = "{0}: ready {1}, alive {2}")
  @CsvSource({
    "CREATED, false, true",
    "REBALANCING, false, true",
    "RUNNING, true, true",
    "PENDING_SHUTDOWN, false, false",
    "NOT_RUNNING, false, false",
    "PENDING_ERROR, false, false",
    "ERROR, false, false"
  })
  void shouldBeReadyOnlyWhileRunningAndAliveUntilStoppedForGood(
      String state, boolean ready, boolean alive) {
    var streams = new StreamsHealthCheck("streams", () -> state);

    assertThat(streams.check().up()).isEqualTo(ready);
    assertThat(streams.liveness()).hasValueSatisfying(h -> assertThat(h.up()).isEqualTo(alive));
    assertThat(streams.stoppedForGood()).isEqualTo(!alive);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"RUNNING", "ERROR"})
  void shouldReadTheStateAnewOnEveryCheck(String later) {
    var state = new AtomicReference<>("REBALANCING");
    var streams = new StreamsHealthCheck("streams", state::get);
    assertThat(streams.stoppedForGood()).isFalse();

    state.set(later);

    assertThat(streams.stoppedForGood()).isEqualTo(later.equals("ERROR"));
  }
}
