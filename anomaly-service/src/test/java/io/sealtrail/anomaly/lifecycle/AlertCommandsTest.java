package io.sealtrail.anomaly.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.avro.alert.AlertAction;
import io.sealtrail.avro.alert.AlertStatus;
import org.junit.jupiter.api.Test;

class AlertCommandsTest {
  private static final String ALERT = "SEAL_BROKEN:DEV-1@1";

  @Test
  void shouldNameTheActionOfTheTargetWhenCommandIsBuilt() {
    assertThat(AlertCommands.to(ALERT, AlertStatus.ACKNOWLEDGED, "alice", null).getAction())
        .isEqualTo(AlertAction.ACKNOWLEDGE);
    assertThat(AlertCommands.to(ALERT, AlertStatus.RESOLVED, null, "done").getAction())
        .isEqualTo(AlertAction.RESOLVE);
  }

  @Test
  void shouldMapEveryActionBackToItsTargetWhenRead() {
    for (AlertStatus target : new AlertStatus[] {AlertStatus.ACKNOWLEDGED, AlertStatus.RESOLVED}) {
      assertThat(AlertCommands.target(AlertCommands.to(ALERT, target, null, null)))
          .isEqualTo(target);
    }
  }

  @Test
  void shouldRefuseWhenTargetIsOpen() {
    assertThatThrownBy(() -> AlertCommands.to(ALERT, AlertStatus.OPEN, "alice", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot be reopened");
  }
}
