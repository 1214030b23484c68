package io.sealtrail.platform.auth;

import io.sealtrail.platform.health.ConditionCheck;
import io.sealtrail.platform.health.HealthCheck;
import io.sealtrail.platform.health.LoopHealthCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Who a node's gates let in, and what that depends on: the named users of {@code custody.users}
 * (read by a {@link KafkaUserDirectory}), the role token files of a deployment's token directory
 * (bootstrap identities named after their role), and the identity provider's JWTs when configured.
 * Its {@link #healthChecks()} make the user directory part of readiness.
 */
public final class Identity implements AutoCloseable {
  private final Authenticator authenticator;
  private final KafkaUserDirectory directory;
  private final boolean ownsDirectory;
  private final JwtAuthenticator jwt;

  private Identity(
      Authenticator authenticator,
      KafkaUserDirectory directory,
      boolean ownsDirectory,
      JwtAuthenticator jwt) {
    this.authenticator = authenticator;
    this.directory = directory;
    this.ownsDirectory = ownsDirectory;
    this.jwt = jwt;
  }

  /**
   * Follows the users of {@code settings} with {@code clientConfig}'s consumer settings and trusts
   * what {@code settings} says.
   *
   * @param tokenDir the role token files honoured as bootstrap identities, or null for none
   */
  public static Identity start(Map<String, ?> clientConfig, Path tokenDir, AuthSettings settings) {
    KafkaUserDirectory directory = KafkaUserDirectory.start(clientConfig, settings.usersTopic());
    try {
      return build(directory, true, tokenDir, settings);
    } catch (RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** As above, with the client settings of {@code properties}, e.g. a Kafka Streams app's. */
  public static Identity start(Properties properties, Path tokenDir, AuthSettings settings) {
    Map<String, Object> clientConfig = new HashMap<>();
    properties.forEach((key, value) -> clientConfig.put(String.valueOf(key), value));
    return start(clientConfig, tokenDir, settings);
  }

  /** As {@link #start}, over a directory the caller started and closes. */
  public static Identity over(KafkaUserDirectory directory, Path tokenDir, AuthSettings settings) {
    return build(directory, false, tokenDir, settings);
  }

  private static Identity build(
      KafkaUserDirectory directory, boolean owns, Path tokenDir, AuthSettings settings) {
    List<Authenticator> each = new ArrayList<>();
    each.add(new UserAuthenticator(directory, Clock.systemUTC()));
    if (tokenDir != null) {
      each.add(RoleTokens.load(tokenDir));
    }
    JwtAuthenticator jwt = settings.jwt().map(JwtAuthenticator::start).orElse(null);
    if (jwt != null) {
      each.add(jwt);
    }
    return new Identity(Authenticators.firstOf(each), directory, owns, jwt);
  }

  /** The one authenticator every gate of the node asks. */
  public Authenticator authenticator() {
    return authenticator;
  }

  public KafkaUserDirectory directory() {
    return directory;
  }

  /** The reader's loop, and whether it has read every user present at its start. */
  public List<HealthCheck> healthChecks() {
    return List.of(
        new LoopHealthCheck(KafkaUserDirectory.NAME, directory.stopped()),
        new ConditionCheck(
            "userDirectory", directory::isCaughtUp, "still reading " + directory.topic(), false));
  }

  @Override
  public void close() {
    if (jwt != null) {
      jwt.close();
    }
    if (ownsDirectory) {
      directory.close();
    }
  }
}
