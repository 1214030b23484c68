package io.sealtrail.platform.auth;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Named users' bearer tokens: the token's SHA-256 looked up in the latest directory, and its user
 * let in only while neither revoked nor expired, judged against the clock on every request, so an
 * expiry needs no record and no traffic to take effect.
 */
public final class UserAuthenticator implements Authenticator {
  private final Supplier<UserDirectory> directory;
  private final Clock clock;

  public UserAuthenticator(Supplier<UserDirectory> directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public Optional<Caller> authenticate(String bearerToken) {
    // Looked up by hash: the lookup's timing tells nothing about the stored tokens.
    return directory
        .get()
        .byTokenHash(UserTokens.sha256(bearerToken))
        .filter(user -> user.activeAt(clock.instant()))
        .map(User::caller);
  }
}
