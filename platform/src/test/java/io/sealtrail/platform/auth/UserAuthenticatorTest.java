package io.sealtrail.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UserAuthenticatorTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final String TOKEN = UserTokens.newToken();

  private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
  private final AtomicReference<UserDirectory> directory =
      new AtomicReference<>(UserDirectory.empty());
  private final Authenticator users =
      new UserAuthenticator(
          directory::get,
          new Clock() {
            @Override
            public java.time.ZoneId getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now.get();
            }
          });

  @Test
  void shouldNameTheUserWithItsRolesWhenItsTokenIsActive() {
    know(user(null));

    assertThat(users.authenticate(TOKEN)).contains(new Caller("a.kim", Set.of(Role.SECOPS)));
    assertThat(users.authenticate(UserTokens.newToken())).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenFromItsExpiryOnWhenTheClockPassesIt() {
    know(user(NOW.plusSeconds(60)));
    assertThat(users.authenticate(TOKEN)).isPresent();

    now.set(NOW.plusSeconds(60));

    assertThat(users.authenticate(TOKEN)).as("expired at its instant, no record needed").isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenTheUserIsRevokedOrRemoved() {
    know(user(null).revoked(NOW, "admin"));
    assertThat(users.authenticate(TOKEN)).isEmpty();

    know(user(null));
    directory.set(directory.get().with(List.of(Map.entry("a.kim", Optional.empty()))));
    assertThat(users.authenticate(TOKEN)).isEmpty();
  }

  @Test
  void shouldReadBackEveryFieldWhenAUserIsWrittenAsJson() {
    User revoked =
        new User("a.kim", Set.of(Role.SECOPS, Role.ADMIN), NOW, "ab", NOW, "b", NOW, "c");

    assertThat(UserJson.read(UserJson.write(revoked))).isEqualTo(revoked);
    assertThat(UserJson.read(UserJson.write(user(null)))).isEqualTo(user(null));
    assertThat(new String(UserJson.write(user(null)), java.nio.charset.StandardCharsets.UTF_8))
        .doesNotContain(TOKEN);
    assertThatThrownBy(() -> UserJson.read("{\"name\":\"x\"}".getBytes()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNameTheKeyWhenAJwtSettingComesWithoutItsUrl() {
    assertThat(AuthSettings.from(Map.of()).jwt()).isEmpty();
    assertThat(AuthSettings.from(Map.of("sealtrail.topics.users", "t.users")).usersTopic())
        .isEqualTo("t.users");
    assertThatThrownBy(() -> AuthSettings.from(Map.of(JwtSettings.ISSUER_KEY, "https://idp")))
        .hasMessageContaining(JwtSettings.JWKS_URL_KEY);
    assertThatThrownBy(() -> AuthSettings.from(Map.of(JwtSettings.JWKS_URL_KEY, "file:/etc/x")))
        .hasMessageContaining(JwtSettings.JWKS_URL_KEY);
    JwtSettings jwt =
        AuthSettings.from(Map.of(JwtSettings.JWKS_URL_KEY, "https://idp/jwks")).jwt().orElseThrow();
    assertThat(jwt.rolesClaim()).isEqualTo("roles");
    assertThat(jwt.nameClaim()).isEqualTo("sub");
  }

  private void know(User user) {
    directory.set(UserDirectory.empty().with(List.of(Map.entry(user.name(), Optional.of(user)))));
  }

  private static User user(Instant expiresAt) {
    return new User(
        "a.kim",
        Set.of(Role.SECOPS),
        expiresAt,
        UserTokens.sha256(TOKEN),
        NOW.minusSeconds(3600),
        "admin",
        null,
        null);
  }
}
