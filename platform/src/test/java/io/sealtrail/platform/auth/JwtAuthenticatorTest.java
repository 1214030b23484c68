package io.sealtrail.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bearer JWTs against a locally generated key set, served as a JWKS by a tiny HTTP server on a free
 * loopback port: Micronaut Security's validator decides, the authenticator maps the caller.
 */
class JwtAuthenticatorTest {
  private static final String ISSUER = "https://idp.example";
  private static final String AUDIENCE = "sealtrail";

  private static ECKey trusted;
  private static ECKey stranger;
  private static HttpServer jwks;
  private static JwtAuthenticator authenticator;

  @BeforeAll
  static void start() throws Exception {
    trusted = new ECKeyGenerator(Curve.P_256).keyID("trusted").generate();
    stranger = new ECKeyGenerator(Curve.P_256).keyID("trusted").generate();
    byte[] keys = new JWKSet(trusted.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    jwks.createContext(
        "/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, keys.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(keys);
          }
        });
    jwks.start();
    URI url = URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");
    authenticator =
        JwtAuthenticator.start(
            new JwtSettings(
                url, "groups", "preferred_username", Optional.of(ISSUER), Optional.of(AUDIENCE)));
  }

  @AfterAll
  static void stop() {
    if (authenticator != null) {
      authenticator.close();
    }
    if (jwks != null) {
      jwks.stop(0);
    }
  }

  @Test
  void shouldLetInTheNamedCallerWithItsRolesWhenTheTokenIsValid() throws Exception {
    Optional<Caller> caller = authenticator.authenticate(token(trusted, c -> c));

    assertThat(caller).contains(new Caller("a.kim", Set.of(Role.SECOPS, Role.AUDITOR)));
  }

  @Test
  void shouldReadASpaceSeparatedRolesClaimWhenTheProviderSendsOneString() throws Exception {
    Optional<Caller> caller =
        authenticator.authenticate(token(trusted, c -> c.claim("groups", "admin unknown")));

    assertThat(caller).contains(new Caller("a.kim", Set.of(Role.ADMIN)));
  }

  @Test
  void shouldRefuseTheTokenWhenItHasExpired() throws Exception {
    Date past = Date.from(Instant.now().minusSeconds(120));

    assertThat(authenticator.authenticate(token(trusted, c -> c.expirationTime(past)))).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenAnotherKeySignedIt() throws Exception {
    assertThat(authenticator.authenticate(token(stranger, c -> c))).isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenItsIssuerOrAudienceIsAnother() throws Exception {
    assertThat(authenticator.authenticate(token(trusted, c -> c.issuer("https://evil.example"))))
        .isEmpty();
    assertThat(authenticator.authenticate(token(trusted, c -> c.audience("another-app"))))
        .isEmpty();
  }

  @Test
  void shouldRefuseTheTokenWhenItNamesNoKnownRole() throws Exception {
    assertThat(authenticator.authenticate(token(trusted, c -> c.claim("groups", null)))).isEmpty();
    assertThat(authenticator.authenticate(token(trusted, c -> c.claim("groups", List.of("root")))))
        .isEmpty();
  }

  @Test
  void shouldIgnoreATokenThatIsNoJwtWhenAnotherAuthenticatorOwnsIt() {
    assertThat(authenticator.authenticate("not-a-jwt")).isEmpty();
    assertThat(authenticator.authenticate("a.b.c")).isEmpty();
  }

  private static String token(ECKey key, UnaryOperator<JWTClaimsSet.Builder> change)
      throws JOSEException {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject("user-7f3a")
            .claim("preferred_username", "a.kim")
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .claim("groups", List.of("secops", "auditor"));
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
            change.apply(claims).build());
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }
}
