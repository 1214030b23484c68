package io.sealtrail.ingest.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.ingest.admin.InvalidRequestException;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewUserTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void shouldReadTheUserWhenTheBodyIsValid() {
    NewUser user =
        read(
            "{\"name\":\"a.kim@corp\",\"roles\":[\"secops\",\"auditor\"],"
                + "\"expiresAt\":\"2026-12-07T12:00:00+01:00\"}");

    assertThat(user.name()).isEqualTo("a.kim@corp");
    assertThat(user.roles()).isEqualTo(Set.of(Role.SECOPS, Role.AUDITOR));
    assertThat(user.expiresAt()).isEqualTo(Instant.parse("2026-12-07T11:00:00Z"));
  }

  @Test
  void shouldNameTheFieldWhenAValueIsNotAllowed() {
    assertField(
        "{\"name\":\"x\",\"roles\":[\"secops\",\"root\"]}", "/roles/1", "unknown role root");
    assertField("{\"name\":\"x\",\"roles\":[null]}", "/roles/0", "a role is a string");
    assertField("{\"name\":\"x\",\"roles\":[\"admin\",\"admin\"]}", "/roles/1", "twice");
    assertField("{\"name\":\"x\",\"roles\":\"admin\"}", "/roles", "must be a list");
    assertField("{\"name\":\"x\"}", "/roles", "required");
    assertField("{\"name\":\"\",\"roles\":[\"admin\"]}", "/name", "blank");
    assertField("{\"name\":\"" + "a".repeat(65) + "\",\"roles\":[\"admin\"]}", "/name", "65");
    assertField("{\"name\":\"-x\",\"roles\":[\"admin\"]}", "/name", "starts with");
    assertField("{\"name\":\"a b\",\"roles\":[\"admin\"]}", "/name", "letters");
    assertField("{\"name\":\"Secops\",\"roles\":[\"admin\"]}", "/name", "reserved");
    assertField("{\"name\":7,\"roles\":[\"admin\"]}", "/name", "string");
    assertField(
        "{\"name\":\"x\",\"roles\":[\"admin\"],\"expiresAt\":\"" + NOW + "\"}",
        "/expiresAt",
        "not in the future");
    assertField(
        "{\"name\":\"x\",\"roles\":[\"admin\"],\"expiresAt\":\"tomorrow\"}",
        "/expiresAt",
        "RFC 3339");
    assertField("{\"name\":\"x\",\"roles\":[\"admin\"],\"by\":\"y\"}", "/by", "unknown field");
  }

  @Test
  void shouldAcceptTheLongestNameAndNoExpiryWhenAtTheLimits() {
    NewUser user =
        read("{\"name\":\"" + "a".repeat(64) + "\",\"roles\":[\"recall\"],\"expiresAt\":null}");

    assertThat(user.name()).hasSize(NewUser.MAX_NAME);
    assertThat(user.expiresAt()).isNull();
  }

  @Test
  void shouldAnswerBadRequestWhenTheBodyIsNotAJsonObject() {
    for (String body : new String[] {"", "{", "[]", "\"x\"", "{\"name\":"}) {
      assertThatThrownBy(() -> read(body))
          .as(body)
          .isInstanceOf(ProblemException.class)
          .isNotInstanceOf(InvalidRequestException.class)
          .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400));
    }
  }

  private static void assertField(String body, String field, String says) {
    assertThatThrownBy(() -> read(body))
        .as(body)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(says)
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo(field));
  }

  private static NewUser read(String body) {
    return NewUser.read(body.getBytes(StandardCharsets.UTF_8), NOW);
  }
}
