package io.sealtrail.platform.auth;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A named identity as {@code custody.users} holds it: its name (the actor of everything it does),
 * its roles, when its access ends, the SHA-256 of its bearer token (never the token), who created
 * it when, and whether and by whom it was revoked. A token authenticates its user only while the
 * user is neither revoked nor expired.
 */
public record User(
    String name,
    Set<Role> roles,
    @Nullable Instant expiresAt,
    String tokenSha256,
    Instant createdAt,
    String createdBy,
    @Nullable Instant revokedAt,
    @Nullable String revokedBy) {
  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tokenSha256, "tokenSha256");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(createdBy, "createdBy");
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("user " + name + " has no role");
    }
    roles = Set.copyOf(EnumSet.copyOf(roles));
  }

  /** Whether its token lets it in at {@code now}: not revoked, and not expired at {@code now}. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  /** The same user, revoked at {@code at} by {@code by}. */
  public User revoked(Instant at, String by) {
    return new User(name, roles, expiresAt, tokenSha256, createdAt, createdBy, at, by);
  }

  /** The caller its token names. */
  public Caller caller() {
    return new Caller(name, roles);
  }
}
