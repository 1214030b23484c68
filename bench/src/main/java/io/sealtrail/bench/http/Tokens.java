package io.sealtrail.bench.http;

import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Role tokens for the servers the bench starts, and the bearer header its clients send. */
public final class Tokens {
  private final Path dir;
  private final RoleTokens tokens;

  public Tokens(Path dir) {
    this.dir = dir;
    this.tokens = RoleTokens.ensure(dir);
  }

  public RoleTokens roleTokens() {
    return tokens;
  }

  public Path dir() {
    return dir;
  }

  /**
   * {@code Bearer <auditor token>}, sent on every request, so that a route and its no-op baseline
   * carry the same headers whether or not a filter checks them.
   */
  public String bearer() {
    try {
      return "Bearer " + Files.readString(dir.resolve(Role.AUDITOR.fileName())).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
