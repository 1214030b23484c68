package io.sealtrail.ingest.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.ingest.http.Problem;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import java.util.Optional;

/**
 * Lets only administrators at the partner routes: 401 without a known bearer token, 403 with the
 * token of another role. {@code POST /v1/events} is not filtered: partners authenticate by their
 * signatures.
 */
@ServerFilter({"/v1/partners", "/v1/partners/**"})
final class RoleFilter {
  private static final String BEARER = "Bearer ";

  private final RoleTokens tokens;

  RoleFilter(RoleTokens tokens) {
    this.tokens = tokens;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireAdmin(HttpRequest<?> request) {
    Optional<Role> role =
        request
            .getHeaders()
            .findFirst(HttpHeaders.AUTHORIZATION)
            .filter(value -> value.startsWith(BEARER))
            .flatMap(value -> tokens.roleOf(value.substring(BEARER.length()).strip()));
    if (role.isEmpty()) {
      return Problem.of(
              "unauthenticated",
              "Bearer token missing or unknown",
              HttpStatus.UNAUTHORIZED,
              "send Authorization: Bearer <token> with the token of a role allowed here")
          .response()
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    if (role.get() != Role.ADMIN) {
      return Problem.of(
              "forbidden",
              "Role not allowed",
              HttpStatus.FORBIDDEN,
              "role "
                  + role.get().name().toLowerCase(java.util.Locale.ROOT)
                  + " may not use this route; it needs admin")
          .response();
    }
    return null;
  }
}
