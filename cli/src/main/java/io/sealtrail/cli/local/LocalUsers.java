package io.sealtrail.cli.local;

import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.auth.User;
import io.sealtrail.platform.auth.UserStore;
import io.sealtrail.platform.auth.UserTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Local mode's named users, one per role ({@code local-admin}, {@code local-secops}, ...), whose
 * tokens are the files {@code <data-dir>/tokens/<role>.token} the README's commands read. Made on
 * the first start and kept as they are afterwards: a token file of an earlier version (a bare role
 * token) becomes its user's token, so it keeps working. A revoked one stays revoked.
 */
final class LocalUsers {
  /** Who created them, in the users topic and the audit trail. */
  static final String CREATOR = "local-mode";

  private LocalUsers() {}

  /** The user whose token is {@code role}'s file in local mode. */
  static String nameOf(Role role) {
    return "local-" + role.name().toLowerCase(Locale.ROOT);
  }

  /** Makes sure every role has its user and its token file in {@code dir}. */
  static void ensure(UserStore users, Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    for (Role role : Role.values()) {
      Path file = dir.resolve(role.fileName());
      boolean fresh = !Files.exists(file);
      String token = fresh ? UserTokens.newToken() : Files.readString(file).strip();
      String hash = UserTokens.sha256(token);
      Optional<User> known = users.find(nameOf(role));
      boolean current = known.map(u -> u.tokenSha256().equals(hash)).orElse(false);
      boolean revoked = known.map(u -> u.revokedAt() != null).orElse(false);
      if (!current && !revoked) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        users.write(new User(nameOf(role), Set.of(role), null, hash, now, CREATOR, null, null));
      }
      if (fresh) {
        // Written once its user exists: a file always holds a token the platform knows.
        RoleTokens.write(file, token);
      }
    }
  }
}
