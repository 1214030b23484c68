package io.sealtrail.platform.auth;

import io.micronaut.context.ApplicationContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Bearer JWTs of an identity provider, validated by Micronaut Security's JWT validator (signature
 * against the provider's JWKS, expiry, and issuer and audience when configured) in a context of its
 * own that serves nothing: no JWT is parsed here. The caller is the validated token's {@link
 * Authentication}: its name claim and the known roles of its roles claim; one naming no known role
 * is refused.
 */
public final class JwtAuthenticator implements Authenticator, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);

  /** Bounds a validation, the JWKS fetch of the first one (or after a key rotation) included. */
  private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(5);

  private static final String JWT = "micronaut.security.token.jwt.";

  private final ApplicationContext context;
  private final ReactiveJsonWebTokenValidator<?, ?> validator;

  private JwtAuthenticator(ApplicationContext context, ReactiveJsonWebTokenValidator<?, ?> v) {
    this.context = context;
    this.validator = v;
  }

  /** Starts the validator as {@code settings} say. */
  public static JwtAuthenticator start(JwtSettings settings) {
    ApplicationContext context =
        ApplicationContext.builder().properties(properties(settings)).start();
    try {
      return new JwtAuthenticator(context, context.getBean(ReactiveJsonWebTokenValidator.class));
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  /** Micronaut Security's own keys for {@code settings}: what its validator reads. */
  static Map<String, Object> properties(JwtSettings settings) {
    Map<String, Object> p = new HashMap<>();
    // Our gates decide who passes; Micronaut Security only validates.
    p.put("micronaut.security.filter.enabled", false);
    p.put(JWT + "signatures.jwks.idp.url", settings.jwksUrl().toString());
    p.put(JWT + "claims-validators.expiration", true);
    settings.issuer().ifPresent(issuer -> p.put(JWT + "claims-validators.issuer", issuer));
    settings.audience().ifPresent(aud -> p.put(JWT + "claims-validators.audience", aud));
    p.put("micronaut.security.token.roles-name", settings.rolesClaim());
    p.put("micronaut.security.token.name-key", settings.nameClaim());
    // A space-separated roles claim ("scope"-style) reads as a list too.
    p.put("micronaut.security.token.roles-separator", " ");
    return p;
  }

  @Override
  public Optional<Caller> authenticate(String bearerToken) {
    if (bearerToken.chars().filter(c -> c == '.').count() != 2) {
      return Optional.empty(); // not a signed JWT: another authenticator's token
    }
    Optional<Authentication> authentication;
    try {
      @SuppressWarnings("unchecked")
      var typed = (ReactiveJsonWebTokenValidator<Object, Object>) validator;
      authentication =
          Mono.from(typed.validateToken(bearerToken, null)).blockOptional(VALIDATION_TIMEOUT);
    } catch (RuntimeException e) {
      // The provider's JWKS could not be fetched in time: nobody is let in on this token.
      LOG.warn("JWT not validated: {}", e.toString());
      return Optional.empty();
    }
    return authentication.flatMap(JwtAuthenticator::caller);
  }

  private static Optional<Caller> caller(Authentication authentication) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String role : authentication.getRoles()) {
      for (Role known : Role.values()) {
        if (known.name().equalsIgnoreCase(role.strip())) {
          roles.add(known);
        }
      }
    }
    String name = authentication.getName();
    if (roles.isEmpty() || name == null || name.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Caller(name, roles));
  }

  @Override
  public void close() {
    context.close();
  }
}
