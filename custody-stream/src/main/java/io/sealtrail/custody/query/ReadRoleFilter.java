package io.sealtrail.custody.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Lets only the reading roles at the query routes: 401 without a known bearer token, 403 with the
 * token of a role not allowed to read custody.
 */
@ServerFilter("/v1/**")
final class ReadRoleFilter {
  static final Set<Role> READERS = EnumSet.of(Role.RECALL, Role.SECOPS, Role.AUDITOR, Role.ADMIN);
  private static final String BEARER = "Bearer ";
  private final RoleTokens tokens;

  ReadRoleFilter(RoleTokens tokens) {
    this.tokens = tokens;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireReader(HttpRequest<?> request) {
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
              "send Authorization: Bearer <token> with the token of recall, secops or auditor")
          .response()
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    if (!READERS.contains(role.get())) {
      return Problem.of(
              "forbidden",
              "Role not allowed",
              HttpStatus.FORBIDDEN,
              "role " + role.get().name().toLowerCase(Locale.ROOT) + " may not read custody")
          .response();
    }
    return null;
  }
}
