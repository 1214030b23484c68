package io.sealtrail.ingest.partner;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.SignatureCheck;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.RegisteredKey;
import io.sealtrail.trust.request.SignedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The partner credential of ADR 11: a request signed with one of the partner's registered keys
 * ({@link SignedRequest}). The signature is checked like an event's (trust's {@link SignatureCheck}
 * against the directory's keys in force now); the signed method and request target must be this
 * request's, its time within the window of the server's clock, and a nonce, when given, not seen
 * before within the window on this instance. A valid signature by a key of another partner is 403;
 * anything else is 401, so a caller never learns more than that it was refused.
 */
public final class PartnerCredential {
  private final Supplier<PartnerDirectory> directory;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Instant> nonces = new ConcurrentHashMap<>();

  public PartnerCredential(Supplier<PartnerDirectory> directory, Duration window, Clock clock) {
    this.directory = directory;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Admits {@code request} to {@code partnerId}'s own view, or throws its 401 or 403 problem.
   *
   * @return the keyid that signed it
   */
  public String admit(HttpRequest<?> request, String partnerId) {
    Envelope envelope;
    SignedRequest.Claim claim;
    try {
      envelope =
          SignedRequest.envelope(
              request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION).orElse(null));
      claim = SignedRequest.claim(envelope.payload());
    } catch (SignedRequest.MalformedRequestException e) {
      throw unauthenticated(e.getMessage());
    }
    if (envelope.signatures().size() > EnvelopeJson.MAX_SIGNATURES) {
      throw unauthenticated("more than " + EnvelopeJson.MAX_SIGNATURES + " signatures");
    }
    Instant now = clock.instant();
    PartnerDirectory partners = directory.get();
    List<RegisteredKey> signers =
        SignatureCheck.all(
                envelope, keyid -> inForce(partners, keyid, now).map(k -> k.key().verifier()))
            .stream()
            .filter(check -> check.status() == SignatureCheck.Status.VALID)
            .flatMap(check -> partners.key(check.keyid()).stream())
            .toList();
    if (signers.isEmpty()) {
      throw unauthenticated("no signature by a registered key in force verifies");
    }
    // A co-signature by another partner's key (a client signing with every key it holds) is no
    // reason to refuse; only a request that no key of this partner signed is another's.
    RegisteredKey signer =
        signers.stream()
            .filter(k -> k.partner().partnerId().equals(partnerId))
            .findFirst()
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            "forbidden",
                            "Not this partner's view",
                            HttpStatus.FORBIDDEN,
                            "a partner may read only its own outcomes and events")));
    if (!claim.method().equals(request.getMethodName())) {
      throw unauthenticated("the signed method is not the request's");
    }
    if (!claim.path().equals(target(request.getUri()))) {
      throw unauthenticated("the signed path is not the request's path and query");
    }
    if (Duration.between(claim.at(), now).abs().compareTo(window) > 0) {
      throw unauthenticated(
          "the signed request's at is more than " + window + " from the server's clock");
    }
    if (claim.nonce() != null) {
      remember(partnerId + "\n" + claim.nonce(), now);
    }
    return signer.key().keyId().hex();
  }

  private static Optional<RegisteredKey> inForce(
      PartnerDirectory partners, String keyid, Instant now) {
    return partners.key(keyid).filter(k -> k.key().standingAt(now).inForce());
  }

  /** The request target as a client sends it: the raw path, and the raw query if there is one. */
  static String target(URI uri) {
    return uri.getRawQuery() == null
        ? uri.getRawPath()
        : uri.getRawPath() + "?" + uri.getRawQuery();
  }

  /**
   * Refuses a nonce seen within the window. Entries older than twice the window are dropped, since
   * a request that old fails the time check anyway; memory is bounded by the request rate.
   */
  private void remember(String nonce, Instant now) {
    nonces.values().removeIf(seen -> seen.isBefore(now.minus(window.multipliedBy(2))));
    if (nonces.putIfAbsent(nonce, now) != null) {
      throw unauthenticated("the signed request's nonce was used before");
    }
  }

  private static ProblemException unauthenticated(String detail) {
    return new ProblemException(
        Problem.of(
            "unauthenticated", "Partner credential refused", HttpStatus.UNAUTHORIZED, detail),
        Map.of(HttpHeaders.WWW_AUTHENTICATE, SignedRequest.SCHEME),
        null);
  }
}
