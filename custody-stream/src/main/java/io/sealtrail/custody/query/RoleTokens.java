package io.sealtrail.custody.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer token of each role, one file per role ({@code <dir>/recall.token}, ...). A role
 * without a file has no token, so nobody holds it.
 */
public final class RoleTokens {
  private final Map<Role, byte[]> tokens;

  private RoleTokens(Map<Role, byte[]> tokens) {
    this.tokens = tokens;
  }

  /** The tokens found in {@code dir}. */
  public static RoleTokens load(Path dir) {
    Map<Role, byte[]> tokens = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      Path file = dir.resolve(role.fileName());
      if (Files.isRegularFile(file)) {
        tokens.put(role, read(file).getBytes(StandardCharsets.UTF_8));
      }
    }
    return new RoleTokens(tokens);
  }

  /** The role {@code token} carries, compared in constant time. */
  public Optional<Role> roleOf(String token) {
    byte[] given = token.getBytes(StandardCharsets.UTF_8);
    return tokens.entrySet().stream()
        .filter(e -> MessageDigest.isEqual(e.getValue(), given))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read token " + file, e);
    }
  }
}
