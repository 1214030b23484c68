package io.sealtrail.platform.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer token of each role, one file per role ({@code <dir>/admin.token}, ...). A role without
 * a file has no token, so nobody holds it.
 */
public final class RoleTokens implements Authenticator {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<Role, byte[]> tokens;

  private RoleTokens(Map<Role, byte[]> tokens) {
    this.tokens = tokens;
  }

  /** No token for any role: every protected route answers 401. */
  public static RoleTokens none() {
    return new RoleTokens(Map.of());
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

  /** Creates a random token, readable by the owner only, for each role that has none yet. */
  public static RoleTokens ensure(Path dir) {
    try {
      Files.createDirectories(dir);
      for (Role role : Role.values()) {
        Path file = dir.resolve(role.fileName());
        if (!Files.exists(file)) {
          write(file, newToken());
        }
      }
      return load(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create role tokens in " + dir, e);
    }
  }

  /** The role {@code token} carries, compared in constant time. */
  public Optional<Role> roleOf(String token) {
    byte[] given = token.getBytes(StandardCharsets.UTF_8);
    return tokens.entrySet().stream()
        .filter(e -> MessageDigest.isEqual(e.getValue(), given))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The caller {@code token} names: the role's own name, holding that role alone. */
  @Override
  public Optional<Caller> authenticate(String token) {
    return roleOf(token)
        .map(role -> new Caller(role.name().toLowerCase(java.util.Locale.ROOT), Set.of(role)));
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Writes {@code token} to a new {@code file} readable by its owner only. */
  public static void write(Path file, String token) throws IOException {
    Files.createFile(file);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the directory's own access rules apply.
    }
    Files.writeString(file, token + "\n");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read token " + file, e);
    }
  }
}
