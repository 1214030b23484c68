package io.sealtrail.registry.core;

import static io.sealtrail.registry.core.SchemaRegistryCoreTest.STRING;
import static io.sealtrail.registry.core.SchemaRegistryCoreTest.V1;
import static io.sealtrail.registry.core.SchemaRegistryCoreTest.V2_DEFAULT;
import static io.sealtrail.registry.core.SchemaRegistryCoreTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Soft and hard deletes (§2.8, vectors S16-S23, S34-S36) against the core. */
class SchemaDeletionTest {
  private final SchemaRegistryCore core = new EncodedLog().open(CompatibilityLevel.BACKWARD);

  @Test
  void shouldFollowConfluentDeleteRulesWhenDeletingVersions() {
    SchemaVersion v1 = core.register("s", V1);
    core.register("s", V2_DEFAULT);

    assertCode(() -> core.deleteVersion("s", VersionSpec.parse("2"), true), 40407);
    assertThat(core.deleteVersion("s", VersionSpec.parse("2"), false)).isEqualTo(2);
    assertCode(() -> core.deleteVersion("s", VersionSpec.parse("2"), false), 40406);
    assertThat(core.versions("s", false)).extracting(SchemaVersion::version).containsExactly(1);
    assertThat(core.version("s", VersionSpec.parse("2"), true).deleted()).isTrue();
    assertCode(() -> core.version("s", VersionSpec.parse("2"), false), 40402);
    assertCode(() -> core.lookup("s", V2_DEFAULT, false), 40403);
    assertThat(core.deleteVersion("s", VersionSpec.parse("2"), true)).isEqualTo(2);
    assertCode(() -> core.version("s", VersionSpec.parse("2"), true), 40402);
    assertThat(core.deleteVersion("s", VersionSpec.LATEST, false)).isEqualTo(1);
    assertCode(() -> core.versions("s", false), 40401);
    assertThat(core.register("s", V1))
        .extracting(SchemaVersion::id, SchemaVersion::version)
        .containsExactly(v1.id(), 2);
  }

  @Test
  void shouldIgnoreSoftDeletedVersionWhenCheckingCompatibility() {
    core.register(
        "compat-del",
        "{\"type\":\"record\",\"name\":\"CompatDel\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
    core.register(
        "compat-del",
        "{\"type\":\"record\",\"name\":\"CompatDel\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"\"}]}");
    String v3 =
        "{\"type\":\"record\",\"name\":\"CompatDel\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";
    assertThatThrownBy(() -> core.register("compat-del", v3))
        .hasMessageContaining("TYPE_MISMATCH")
        .hasMessageContaining("/fields/1/type");

    core.deleteVersion("compat-del", VersionSpec.parse("2"), false);

    assertThat(core.register("compat-del", v3).version()).isEqualTo(3);
  }

  @Test
  void shouldFollowConfluentDeleteRulesWhenDeletingSubjects() {
    core.configs().update(Optional.of("test"), CompatibilityLevel.NONE);
    int a = core.register("test", STRING).id();
    int b = core.register("test", V1.replace("myrecord", "b")).id();
    assertCode(() -> core.deleteSubject("test", true), 40405);

    assertThat(core.deleteSubject("test", false)).containsExactly(1, 2);

    assertCode(() -> core.deleteSubject("test", false), 40404);
    assertThat(core.lookup("test", STRING, true))
        .extracting(SchemaVersion::version, SchemaVersion::id)
        .containsExactly(1, a);
    assertCode(() -> core.lookup("test", STRING, false), 40401);
    assertThat(core.subjects(false, false)).isEmpty();
    assertThat(core.subjects(true, false)).containsExactly("test");
    assertThat(core.register("test", STRING).id()).isEqualTo(a);
    assertThat(core.register("test", V1.replace("myrecord", "b")).id()).isEqualTo(b);
    assertThat(core.versions("test", false))
        .extracting(SchemaVersion::version)
        .containsExactly(3, 4);
    assertThat(core.configs().get(Optional.of("test"), false)).isEqualTo(CompatibilityLevel.NONE);
  }

  @Test
  void shouldAllocateNewIdAndRestartVersionsWhenSubjectWasHardDeleted() {
    int old = core.register("s", STRING).id();
    core.deleteSubject("s", false);
    core.deleteSubject("s", true);

    SchemaVersion again = core.register("s", STRING);

    assertCode(() -> core.schemaById(old), 40403);
    assertThat(again.version()).isEqualTo(1);
    assertThat(again.id()).isEqualTo(old + 1);
    assertCode(() -> core.lookup("never-registered", STRING, true), 40401);
  }
}
