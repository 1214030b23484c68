package io.sealtrail.ingest.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of {@code POST /v1/partners}: a registration as an administrator types it, validated by
 * {@link PartnerRequests} before anything is written. Each of {@code roles} and {@code sites} is a
 * name, held always, or a grant for a period: {@code {"role": "DOCK", "notBefore": "...",
 * "notAfter": "..."}} ({@code "site"} for a site), RFC 3339 instants, either may be left out.
 */
@Serdeable
public record PartnerRequest(
    @Nullable String partnerId,
    @Nullable List<Object> roles,
    @Nullable List<Object> sites,
    @Nullable List<Key> keys) {

  /**
   * One public key with its optional validity.
   *
   * @param publicKey PEM SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----})
   * @param notBefore RFC 3339 instant, or null
   * @param notAfter RFC 3339 instant, or null
   */
  @Serdeable
  public record Key(
      @Nullable String publicKey, @Nullable String notBefore, @Nullable String notAfter) {}

  /**
   * The body of a key revocation.
   *
   * @param at when it takes effect, RFC 3339; null means now
   * @param reason why, 1 to 500 characters, or null
   * @param alertId the alert the revocation answers, or null
   */
  @Serdeable
  public record Revocation(
      @Nullable String at, @Nullable String reason, @Nullable String alertId) {}
}
