package io.sealtrail.platform.auth;

import io.micronaut.http.HttpRequest;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who sent a request, as the gate authenticated it: a name that goes into every record the request
 * leaves (the actor of an audit record, the {@code by} of an alert's history) and the roles it
 * holds. Routes read it from the request with {@link #of}; they never take an actor from a body.
 */
public record Caller(String name, Set<Role> roles) {
  /** The request attribute under which {@code BearerGate} leaves the caller it let in. */
  public static final String ATTRIBUTE = "sealtrail.caller";

  public Caller {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a caller has a name");
    }
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** Whether the caller holds {@code role}. */
  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * The caller a gate let through to this request. Only routes behind a gate may ask: elsewhere
   * there is no caller, and asking is a programming error.
   */
  public static Caller of(HttpRequest<?> request) {
    return request
        .getAttribute(ATTRIBUTE, Caller.class)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no authenticated caller on " + request.getPath() + ": the route has no gate"));
  }
}
