package io.sealtrail.platform.auth;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How bearer JWTs of an identity provider are trusted: signed by a key of the JWKS at {@code
 * jwksUrl}, unexpired, from {@code issuer} and for {@code audience} when those are set; the
 * caller's name from {@code nameClaim} (default {@code sub}) and its roles from {@code rolesClaim}
 * (default {@code roles}: a list, or one space-separated string, of {@code admin}, {@code secops},
 * {@code recall}, {@code auditor}; others are ignored, and a token naming none is refused).
 */
public record JwtSettings(
    URI jwksUrl,
    String rolesClaim,
    String nameClaim,
    Optional<String> issuer,
    Optional<String> audience) {
  public static final String JWKS_URL_KEY = "sealtrail.auth.jwt.jwks-url";
  public static final String ROLES_CLAIM_KEY = "sealtrail.auth.jwt.roles-claim";
  public static final String NAME_CLAIM_KEY = "sealtrail.auth.jwt.name-claim";
  public static final String ISSUER_KEY = "sealtrail.auth.jwt.issuer";
  public static final String AUDIENCE_KEY = "sealtrail.auth.jwt.audience";

  public JwtSettings {
    Objects.requireNonNull(jwksUrl, JWKS_URL_KEY);
    requireText(rolesClaim, ROLES_CLAIM_KEY);
    requireText(nameClaim, NAME_CLAIM_KEY);
    Objects.requireNonNull(issuer, ISSUER_KEY);
    Objects.requireNonNull(audience, AUDIENCE_KEY);
    String scheme = jwksUrl.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException(JWKS_URL_KEY + " must be an http(s) URL, got " + jwksUrl);
    }
  }

  private static void requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be blank");
    }
  }
}
