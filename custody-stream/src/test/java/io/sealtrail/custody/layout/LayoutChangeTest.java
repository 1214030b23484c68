package io.sealtrail.custody.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.custody.fixtures.LayoutFixture;
import io.sealtrail.custody.fixtures.TestDevice;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A layout changed while the platform runs changes the verdicts of events received after the change
 * only: not those received before it, even when they are judged after it.
 */
class LayoutChangeTest {
  static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant FIRST_CHANGE = START.plus(Duration.ofDays(1));
  static final Instant SECOND_CHANGE = START.plus(Duration.ofDays(11));

  /** Version 2: no attest step, so sealing untested is no longer a deviation. */
  static final String WITHOUT_ATTEST =
      """
      {"steps": [
        {"name": "assemble", "type": "ASSEMBLED"},
        {"name": "provision", "type": "KEY_PROVISIONED"},
        {"name": "flash", "type": "FIRMWARE_FLASHED", "repeatable": true},
        {"name": "seal", "type": "SEAL_APPLIED"},
        {"name": "commission", "type": "COMMISSIONED"}
      ]}
      """;

  @Test
  void shouldJudgeEachEventByTheLayoutInForceWhenItWasReceived() {
    // Events a minute apart: none is judged before the next device's events move stream time on,
    // so each device is judged after the next change has arrived.
    LayoutLife before = factory("DEV-BEFORE", START);
    LayoutLife during = factory("DEV-DURING", FIRST_CHANGE.plus(Duration.ofHours(1)));
    LayoutLife after = factory("DEV-AFTER", SECOND_CHANGE.plus(Duration.ofHours(1)));
    Layout first = LayoutFixture.version(1, LayoutFixture.FACTORY_LAYOUT, FIRST_CHANGE);
    try (CustodyDriver custody = new CustodyDriver().receivedAtOccurrence()) {
      custody.send(LayoutLife.release(START));
      // Received before any layout, judged after the first version arrived.
      sealedUntested(before).forEach(custody::send);
      custody.layouts(LayoutFixture.history(first));
      // Received under version 1, judged after version 2 arrived.
      sealedUntested(during).forEach(custody::send);
      custody.layouts(
          LayoutFixture.history(first, LayoutFixture.version(2, WITHOUT_ATTEST, SECOND_CHANGE)));
      sealedUntested(after).forEach(custody::send);

      assertThat(custody.afterGrace().violations())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.getSerial()).isEqualTo("DEV-DURING");
                assertThat(v.getAttributes())
                    .containsEntry("layoutVersion", "1")
                    .containsEntry("step", "seal");
              });
    }
  }

  private static LayoutLife factory(String serial, Instant start) {
    return new LayoutLife(serial, TestDevice.withNewKey(), start, Duration.ofMinutes(1));
  }

  /** The factory's events, sealed before the attestation, without the commissioning. */
  private static java.util.List<io.sealtrail.custody.fixtures.EventFixture> sealedUntested(
      LayoutLife life) {
    return life.sealedUntested().subList(0, 5);
  }

  @Test
  void shouldRaiseForEventsReceivedAfterTheChangeWhenTheSameLifeCameBeforeIt() {
    // The control: the same life as DEV-BEFORE, received after the first version.
    LayoutLife same = new LayoutLife("DEV-SAME", TestDevice.withNewKey(), START);
    try (CustodyDriver custody = new CustodyDriver().receivedAtOccurrence()) {
      custody.send(LayoutLife.release(START));
      custody.layouts(
          LayoutFixture.history(
              LayoutFixture.version(1, LayoutFixture.FACTORY_LAYOUT, START.minusSeconds(1))));
      same.sealedUntested().forEach(custody::send);

      assertThat(custody.afterGrace().violations())
          .extracting(Violation::getSerial)
          .containsExactly("DEV-SAME");
    }
  }
}
