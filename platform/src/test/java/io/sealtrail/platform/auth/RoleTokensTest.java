package io.sealtrail.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleTokensTest {
  @TempDir Path dir;

  @Test
  void shouldCreateOneOwnerOnlyTokenPerRoleWhenTheDirectoryIsEmpty() throws Exception {
    RoleTokens tokens = RoleTokens.ensure(dir);

    for (Role role : Role.values()) {
      Path file = dir.resolve(role.fileName());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(tokens.roleOf(Files.readString(file).strip())).contains(role);
    }
  }

  @Test
  void shouldKeepExistingTokensWhenEnsuredAgain() throws Exception {
    RoleTokens.ensure(dir);
    String admin = Files.readString(dir.resolve("admin.token"));

    RoleTokens.ensure(dir);

    assertThat(Files.readString(dir.resolve("admin.token"))).isEqualTo(admin);
  }

  @Test
  void shouldKnowNoRoleWhenTheTokenIsUnknown() {
    RoleTokens tokens = RoleTokens.ensure(dir);

    assertThat(tokens.roleOf("guess")).isEmpty();
    assertThat(RoleTokens.none().roleOf("")).isEmpty();
  }
}
