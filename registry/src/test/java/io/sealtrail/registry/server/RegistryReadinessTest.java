package io.sealtrail.registry.server;

import static io.sealtrail.registry.server.SchemaRegistryServerIT.expectError;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.LogState;
import io.sealtrail.registry.core.RegistryLog;
import io.sealtrail.registry.core.SchemaRegistryCore;
import io.sealtrail.registry.testing.RestCalls;
import io.sealtrail.registry.testing.RestCalls.Answer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The server reports itself not ready, naming why, once its log is no longer followed. */
class RegistryReadinessTest {
  private final AtomicReference<LogState> logState = new AtomicReference<>(LogState.FOLLOWING);

  @Test
  void shouldReportNotReadyNamingReaderWhenLogStopsBeingFollowed() {
    try (SchemaRegistryServer server = serve()) {
      RestCalls rest = new RestCalls(server.url());
      Answer before = rest.get("/");

      logState.set(LogState.stopped("the reader of topic _schemas stopped: disk on fire"));
      Answer after = rest.get("/");

      assertThat(before.status()).isEqualTo(200);
      assertThat(before.body().toString()).isEqualTo("{}");
      assertThat(server.readiness().stoppedBecause())
          .contains("the reader of topic _schemas stopped: disk on fire");
      expectError(after, 500, 50001);
      assertThat(after.body().path("message").asText())
          .contains("the reader of topic _schemas stopped: disk on fire");
      expectError(rest.post("/", "{}"), 500, 50001);
    }
  }

  @Test
  void shouldBeReadyWhenCoreIsInMemory() {
    try (SchemaRegistryServer server =
        SchemaRegistryServer.serve(
            SchemaRegistryCore.inMemory(CompatibilityLevel.BACKWARD), "localhost", 0)) {
      assertThat(server.readiness().following()).isTrue();
    }
  }

  private SchemaRegistryServer serve() {
    SchemaRegistryCore core =
        SchemaRegistryCore.open(
            CompatibilityLevel.BACKWARD,
            apply ->
                new RegistryLog() {
                  @Override
                  public void append(java.util.List<io.sealtrail.registry.core.LogRecord> records) {
                    records.forEach(apply);
                  }

                  @Override
                  public LogState state() {
                    return logState.get();
                  }
                });
    return SchemaRegistryServer.serve(core, "localhost", 0);
  }
}
