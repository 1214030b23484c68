package io.sealtrail.registry.core;

import static io.sealtrail.registry.core.SchemaRegistryCoreTest.STRING;
import static io.sealtrail.registry.core.SchemaRegistryCoreTest.V1;
import static io.sealtrail.registry.core.SchemaRegistryCoreTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Modes (§2.9, vectors S29, S30, S37): IMPORT seeds explicit ids, READONLY refuses writes. */
class ModeTest {
  private static final Optional<Integer> NONE = Optional.empty();
  private final EncodedLog log = new EncodedLog();
  private final SchemaRegistryCore core = log.open(CompatibilityLevel.BACKWARD);

  @Test
  void shouldRefuseExplicitIdWhenModeIsReadWrite() {
    assertCode(() -> core.register("s", STRING, Optional.of(123), NONE), 42205);
  }

  @Test
  void shouldKeepExplicitIdAndContinueAfterItWhenImportingThenReadWrite() {
    core.modes().update(Optional.empty(), Mode.IMPORT, false);

    SchemaVersion imported = core.register("s", STRING, Optional.of(123), Optional.of(1));
    core.modes().update(Optional.empty(), Mode.READWRITE, false);
    SchemaVersion next = core.register("t", V1);

    assertThat(imported).isEqualTo(new SchemaVersion("s", 1, 123, "\"string\"", false));
    assertThat(core.schemaById(123)).isEqualTo("\"string\"");
    assertThat(next.id()).isEqualTo(124);
  }

  @Test
  void shouldRefuseRegistrationWithoutIdWhenModeIsImport() {
    core.modes().update(Optional.empty(), Mode.IMPORT, false);

    assertCode(() -> core.register("s", STRING), 42205);
  }

  @Test
  void shouldRefuseIdBoundToOtherContentWhenImporting() {
    core.modes().update(Optional.empty(), Mode.IMPORT, false);
    core.register("s", STRING, Optional.of(7), NONE);

    assertCode(() -> core.register("t", V1, Optional.of(7), NONE), 42207);
  }

  @Test
  void shouldRequireForceWhenSwitchingToImportOverExistingSchemas() {
    core.register("s", STRING);

    assertCode(() -> core.modes().update(Optional.empty(), Mode.IMPORT, false), 42205);
    core.modes().update(Optional.empty(), Mode.IMPORT, true);
    assertThat(core.modes().get(Optional.empty(), true)).isEqualTo(Mode.IMPORT);
  }

  @Test
  void shouldRefuseWritesWhenSubjectIsReadOnly() {
    core.register("s", STRING);
    core.modes().update(Optional.of("s"), Mode.READONLY, false);

    assertCode(() -> core.register("s", V1), 42205);
    assertCode(() -> core.deleteSubject("s", false), 42205);
    assertThat(core.register("other", V1).version()).isEqualTo(1);
    assertCode(() -> core.modes().get(Optional.of("other"), false), 40409);
    assertCode(() -> Mode.parse("SOMETIMES"), 42204);
  }

  @Test
  void shouldWriteConfluentModeRecordAndReplayItWhenModeIsSet() {
    core.modes().update(Optional.of("s"), Mode.READONLY, false);

    SchemaRegistryCore restarted = log.replay(CompatibilityLevel.BACKWARD);

    assertThat(log.lines())
        .containsExactly(
            "{\"keytype\":\"MODE\",\"subject\":\"s\",\"magic\":0} -> {\"subject\":\"s\",\"mode\":\"READONLY\"}");
    assertThat(restarted.modes().get(Optional.of("s"), false)).isEqualTo(Mode.READONLY);
  }
}
