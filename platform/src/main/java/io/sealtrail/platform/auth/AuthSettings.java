package io.sealtrail.platform.auth;

import io.sealtrail.platform.env.EnvSetting;
import io.sealtrail.platform.topic.Topic;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a service's gates let in besides the role token files: the named users of {@code usersTopic}
 * ({@code sealtrail.topics.users}, default {@code custody.users}) and, when {@value
 * JwtSettings#JWKS_URL_KEY} is set, the JWTs of an identity provider ({@link JwtSettings}).
 */
public record AuthSettings(String usersTopic, Optional<JwtSettings> jwt) {
  /** The variables of the keys {@link #from} reads, for every service's environment. */
  public static final List<EnvSetting> ENVIRONMENT =
      List.of(
          EnvSetting.optional(Topic.CONFIG_PREFIX + UsersTopic.ID),
          EnvSetting.optional(JwtSettings.JWKS_URL_KEY),
          EnvSetting.optional(JwtSettings.ROLES_CLAIM_KEY),
          EnvSetting.optional(JwtSettings.NAME_CLAIM_KEY),
          EnvSetting.optional(JwtSettings.ISSUER_KEY),
          EnvSetting.optional(JwtSettings.AUDIENCE_KEY));

  public AuthSettings {
    Objects.requireNonNull(usersTopic, "usersTopic");
    Objects.requireNonNull(jwt, "jwt");
  }

  /** Named users on the default topic, no JWTs. */
  public static AuthSettings defaults() {
    return new AuthSettings(UsersTopic.DEFAULT_NAME, Optional.empty());
  }

  /**
   * The settings in {@code flat}.
   *
   * @throws IllegalArgumentException naming the key of a malformed value
   */
  public static AuthSettings from(Map<String, String> flat) {
    String users = Topic.configuredName(flat, UsersTopic.ID, UsersTopic.DEFAULT_NAME);
    String url = text(flat, JwtSettings.JWKS_URL_KEY);
    if (url == null) {
      for (String key :
          List.of(
              JwtSettings.ROLES_CLAIM_KEY,
              JwtSettings.NAME_CLAIM_KEY,
              JwtSettings.ISSUER_KEY,
              JwtSettings.AUDIENCE_KEY)) {
        if (text(flat, key) != null) {
          throw new IllegalArgumentException(
              key + " is set but " + JwtSettings.JWKS_URL_KEY + " is not");
        }
      }
      return new AuthSettings(users, Optional.empty());
    }
    URI jwks;
    try {
      jwks = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(JwtSettings.JWKS_URL_KEY + " is not a URL: " + url, e);
    }
    String roles = text(flat, JwtSettings.ROLES_CLAIM_KEY);
    String name = text(flat, JwtSettings.NAME_CLAIM_KEY);
    return new AuthSettings(
        users,
        Optional.of(
            new JwtSettings(
                jwks,
                roles == null ? "roles" : roles,
                name == null ? "sub" : name,
                Optional.ofNullable(text(flat, JwtSettings.ISSUER_KEY)),
                Optional.ofNullable(text(flat, JwtSettings.AUDIENCE_KEY)))));
  }

  /** The same on another users topic, e.g. one test's prefixed copy. */
  public AuthSettings withUsersTopic(String name) {
    return new AuthSettings(name, jwt);
  }

  private static String text(Map<String, String> flat, String key) {
    String value = flat.get(key);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
