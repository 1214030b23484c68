package io.sealtrail.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The false-alert check waits for two quiet ticks, and not forever. */
class SettlingTest {

  @Test
  void shouldSettleWhenNoAlertArrivedDuringTwoConsecutiveTicks() {
    var settling = new Settling();

    boolean first = settling.settled(5);
    boolean oneQuiet = settling.settled(5);
    boolean twoQuiet = settling.settled(5);

    assertThat(first).isFalse();
    assertThat(oneQuiet).isFalse();
    assertThat(twoQuiet).isTrue();
  }

  @Test
  void shouldKeepWaitingWhenAnAlertArrivedAfterAQuietTick() {
    var settling = new Settling();
    settling.settled(5);
    settling.settled(5);

    boolean afterNewAlert = settling.settled(6);
    boolean oneQuietAgain = settling.settled(6);

    assertThat(afterNewAlert).isFalse();
    assertThat(oneQuietAgain).isFalse();
    assertThat(settling.settled(6)).isTrue();
  }

  @Test
  void shouldSettleAfterTheBoundWhenAlertsKeepArriving() {
    var settling = new Settling();
    for (int tick = 0; tick < Settling.MAX_TICKS; tick++) {
      assertThat(settling.settled(tick)).isFalse();
    }

    assertThat(settling.settled(Settling.MAX_TICKS)).isTrue();
  }
}
