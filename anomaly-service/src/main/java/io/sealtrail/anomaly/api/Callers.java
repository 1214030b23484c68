package io.sealtrail.anomaly.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Who may triage alerts, and the role name a request's caller goes by in an alert's history. */
final class Callers {
  static final Set<Role> TRIAGERS = EnumSet.of(Role.SECOPS, Role.ADMIN);
  private static final String BEARER = "Bearer ";

  private Callers() {}

  /** The lower-case role of the bearer ({@link SecopsFilter} has let only known tokens in). */
  static String role(HttpRequest<?> request, RoleTokens tokens) {
    return request
        .getHeaders()
        .findFirst(HttpHeaders.AUTHORIZATION)
        .filter(value -> value.startsWith(BEARER))
        .flatMap(value -> tokens.roleOf(value.substring(BEARER.length()).strip()))
        .map(role -> role.name().toLowerCase(Locale.ROOT))
        .orElse("unknown");
  }
}
