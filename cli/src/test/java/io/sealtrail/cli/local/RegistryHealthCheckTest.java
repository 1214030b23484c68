package io.sealtrail.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.platform.health.Health;
import io.sealtrail.registry.core.LogState;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RegistryHealthCheckTest {
  @Test
  void shouldReportSchemaRegistryDownWithReasonWhenItsReaderStopped() {
    AtomicReference<LogState> state = new AtomicReference<>(LogState.FOLLOWING);
    RegistryHealthCheck check = new RegistryHealthCheck(state::get);
    Health before = check.check();

    state.set(LogState.stopped("the reader of topic _schemas stopped: consumer closed"));

    assertThat(check.name()).isEqualTo("schemaRegistry");
    assertThat(before).isEqualTo(Health.UP);
    assertThat(check.check())
        .isEqualTo(Health.down("the reader of topic _schemas stopped: consumer closed"));
    assertThat(check.liveness()).contains(check.check());
  }
}
