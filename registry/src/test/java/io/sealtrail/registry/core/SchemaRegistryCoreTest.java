package io.sealtrail.registry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The semantics vectors of the spec (§8.2) against the core, through an encoding log. */
class SchemaRegistryCoreTest {
  static final String STRING = "{\"type\": \"string\"}";
  static final String V1 =
      "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"type\":\"string\",\"name\":\"f1\"}]}";
  static final String V2_NO_DEFAULT =
      "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"type\":\"string\",\"name\":\"f1\"},{\"type\":\"string\",\"name\":\"f2\"}]}";
  static final String V2_DEFAULT =
      "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"type\":\"string\",\"name\":\"f1\"},{\"type\":\"string\",\"name\":\"f2\",\"default\":\"foo\"}]}";
  private final EncodedLog log = new EncodedLog();
  private final SchemaRegistryCore core = log.open(CompatibilityLevel.BACKWARD);

  @Test
  void shouldShareIdWhenSameSchemaIsRegisteredUnderTwoSubjects() {
    int first = core.register("subject1", V1).id();
    int second = core.register("subject2", V1).id();

    assertThat(second).isEqualTo(first);
    assertThat(core.usagesOf(first, false))
        .extracting(SchemaVersion::subject)
        .containsExactlyInAnyOrder("subject1", "subject2");
  }

  @Test
  void shouldReturnExistingVersionWhenRegisteringWhitespaceVariantAgain() {
    SchemaVersion first = core.register("test", "{   \"type\":   \"string\"}");

    SchemaVersion again = core.register("test", STRING);
    SchemaVersion looked = core.lookup("test", "{   \"type\":   \"string\"}", false);

    assertThat(List.of(again.id(), looked.id())).containsOnly(first.id());
    assertThat(core.versions("test", false)).extracting(SchemaVersion::version).containsExactly(1);
  }

  @Test
  void shouldAnswerNotFoundCodesWhenSubjectSchemaOrVersionIsMissing() {
    core.register("test", STRING);

    assertCode(() -> core.lookup("never", STRING, false), 40401);
    assertCode(() -> core.lookup("test", V1, false), 40403);
    assertCode(() -> core.schemaById(100), 40403);
    assertCode(() -> core.version("non-existing-subject", VersionSpec.parse("1"), false), 40401);
    assertCode(() -> core.version("test", VersionSpec.parse("200"), false), 40402);
    assertCode(() -> VersionSpec.parse("0"), 42202);
    assertCode(() -> VersionSpec.parse("-2"), 42202);
    assertCode(() -> VersionSpec.parse("abc"), 42202);
  }

  @Test
  void shouldAnswer409NamingErrorTypeWhenFieldWithoutDefaultIsAdded() {
    core.register("s", V1);

    assertThatThrownBy(() -> core.register("s", V2_NO_DEFAULT))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageStartingWith(
            "Schema being registered is incompatible with an earlier schema for subject \"s\", details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'")
        .hasMessageContaining("{oldSchemaVersion: 1}")
        .hasMessageContaining("compatibility: 'BACKWARD'");
  }

  @Test
  void shouldRegisterNewVersionAndIdWhenFieldWithDefaultIsAdded() {
    SchemaVersion v1 = core.register("s", V1);

    SchemaVersion v2 = core.register("s", V2_DEFAULT);

    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.id()).isNotEqualTo(v1.id());
  }

  @Test
  void shouldCheckAllVersionsWhenLevelIsTransitive() {
    core.register("s", V2_NO_DEFAULT.replace("myrecord", "r"));
    core.register("s", V1.replace("myrecord", "r"));
    core.configs().update(Optional.of("s"), CompatibilityLevel.FORWARD_TRANSITIVE);
    String v3 =
        "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"type\":\"string\",\"name\":\"f1\"},{\"type\":\"string\",\"name\":\"f3\"}]}";

    List<String> againstLatest = core.checkCompatibility("s", VersionSpec.LATEST, v3);
    List<String> againstAll = core.checkCompatibility("s", v3);

    assertThat(againstLatest).isEmpty();
    assertThat(againstAll).isNotEmpty();
    assertThatThrownBy(() -> core.register("s", v3))
        .hasMessageContaining("oldSchemaVersion:")
        .hasMessageContaining("oldSchema:")
        .hasMessageContaining("compatibility:");
  }

  @Test
  void shouldKeepConfigWhenSetBeforeAnySchemaAndRejectUnknownLevel() {
    core.configs().update(Optional.of("testSubject"), CompatibilityLevel.FORWARD);

    assertThat(core.configs().get(Optional.of("testSubject"), false))
        .isEqualTo(CompatibilityLevel.FORWARD);
    assertCode(() -> CompatibilityLevel.parse("INVALID"), 42203);
    assertCode(() -> core.configs().get(Optional.of("no-config-subject"), false), 40408);
  }

  @Test
  void shouldReturnExistingIdWhenRegisteringIdenticalSchemaAfterLevelWouldRejectIt() {
    SchemaVersion v1 = core.register("s", V1);
    core.register("s", V2_DEFAULT);
    core.configs().update(Optional.of("s"), CompatibilityLevel.FULL_TRANSITIVE);

    SchemaVersion again = core.register("s", V1);

    assertThat(again).isEqualTo(v1);
  }

  @Test
  void shouldAnswerCompatibleForUnknownSubjectAndNotFoundForMissingVersion() {
    core.register("test", STRING);

    assertThat(core.checkCompatibility("unknown", VersionSpec.LATEST, STRING)).isEmpty();
    assertCode(() -> core.checkCompatibility("test", VersionSpec.parse("5"), STRING), 40402);
  }

  @Test
  void shouldRejectReservedSubjectNames() {
    assertCode(() -> core.register("__GLOBAL", STRING), 42208);
    assertCode(() -> core.register("bad\u0001name", STRING), 42208);
  }

  @Test
  void shouldAnswerSameStateAndNextIdWhenReplayingTheLog() {
    core.register("a-value", V1);
    core.register("a-value", V2_DEFAULT);
    core.register("b-value", STRING);
    core.deleteVersion("a-value", VersionSpec.parse("2"), false);
    core.configs().update(Optional.of("b-value"), CompatibilityLevel.FULL);
    core.configs().update(Optional.empty(), CompatibilityLevel.NONE);

    SchemaRegistryCore restarted = log.replay(CompatibilityLevel.BACKWARD);

    assertThat(restarted.subjects(true, false)).isEqualTo(core.subjects(true, false));
    assertThat(restarted.versions("a-value", true)).isEqualTo(core.versions("a-value", true));
    assertThat(restarted.configs().get(Optional.of("b-value"), false))
        .isEqualTo(CompatibilityLevel.FULL);
    assertThat(restarted.configs().get(Optional.empty(), true)).isEqualTo(CompatibilityLevel.NONE);
    assertThat(restarted.register("c-value", "\"long\"").id()).isEqualTo(4);
  }

  static void assertCode(ThrowingCallable call, int errorCode) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(errorCode));
  }
}
