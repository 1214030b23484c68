package io.sealtrail.custody.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.campaign.RecallState;
import org.junit.jupiter.api.Test;

class RecallStatesTest {
  @Test
  void shouldAllowOnlyOpenToNotifiedThenOneOutcomeWhenMovingDevices() {
    for (RecallState from : RecallState.values()) {
      for (RecallState to : RecallState.values()) {
        boolean expected =
            (from == RecallState.OPEN && to == RecallState.NOTIFIED)
                || (from == RecallState.NOTIFIED
                    && (to == RecallState.RETURNED
                        || to == RecallState.REMEDIATED
                        || to == RecallState.UNREACHABLE));
        assertThat(RecallStates.allowed(from, to)).as(from + " -> " + to).isEqualTo(expected);
      }
    }
  }

  @Test
  void shouldNameNoNextStateWhenAnOutcomeIsReached() {
    assertThat(RecallStates.after(RecallState.RETURNED)).isEmpty();
    assertThat(RecallStates.after(RecallState.NOTIFIED)).hasSize(3);
  }
}
