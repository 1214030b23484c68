package io.sealtrail.platform.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.sealtrail.platform.auth.Authenticator;
import io.sealtrail.platform.auth.Caller;
import io.sealtrail.platform.auth.Role;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may pass a service's protected routes: {@code Authorization: Bearer <token>} names a role by
 * its token; 401 (with {@code WWW-Authenticate: Bearer}) without a known token, 403 with the token
 * of a role not allowed here. Each service's filter declares only its paths and roles.
 */
public final class BearerGate {
  private static final String BEARER = "Bearer ";

  private final Authenticator tokens;
  private final Set<Role> allowed;
  private final String purpose;

  /**
   * @param purpose what the routes do, for the 403 detail, e.g. {@code "read custody"}
   */
  public BearerGate(Authenticator tokens, Set<Role> allowed, String purpose) {
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("a gate nobody may pass is a missing route");
    }
    this.tokens = tokens;
    this.allowed = Set.copyOf(EnumSet.copyOf(allowed));
    this.purpose = purpose;
  }

  /**
   * The refusal of {@code request}, or null when its bearer may pass; then the request carries its
   * {@link Caller} under {@link Caller#ATTRIBUTE} for the route to name as the actor.
   */
  @Nullable
  public MutableHttpResponse<Problem> refusal(HttpRequest<?> request) {
    Optional<Caller> caller =
        request
            .getHeaders()
            .findFirst(HttpHeaders.AUTHORIZATION)
            .filter(value -> value.startsWith(BEARER))
            .flatMap(value -> tokens.authenticate(value.substring(BEARER.length()).strip()));
    if (caller.isEmpty()) {
      return Problem.of(
              "unauthenticated",
              "Bearer token missing or unknown",
              HttpStatus.UNAUTHORIZED,
              "send Authorization: Bearer <token> with the token of " + allowedNames())
          .response()
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    if (caller.get().roles().stream().noneMatch(allowed::contains)) {
      return Problem.of(
              "forbidden",
              "Role not allowed",
              HttpStatus.FORBIDDEN,
              "role "
                  + caller.get().roles().stream()
                      .map(BearerGate::name)
                      .sorted()
                      .collect(Collectors.joining(" and "))
                  + " may not "
                  + purpose
                  + "; it needs "
                  + allowedNames())
          .response();
    }
    request.setAttribute(Caller.ATTRIBUTE, caller.get());
    return null;
  }

  private String allowedNames() {
    return EnumSet.copyOf(allowed).stream()
        .map(BearerGate::name)
        .collect(Collectors.joining(" or "));
  }

  private static String name(Role role) {
    return role.name().toLowerCase(Locale.ROOT);
  }
}
