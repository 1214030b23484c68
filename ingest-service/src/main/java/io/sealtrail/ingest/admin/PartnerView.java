package io.sealtrail.ingest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.partner.Grant;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A partner as the admin API answers it: its keys with their keyids, validity and revocation. Two
 * views are equal when the registrations are, which is how a write is recognised in the directory.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // an empty sites list means "any site": show it
public record PartnerView(
    String partnerId, List<Object> roles, List<Object> sites, List<KeyView> keys) {

  /** A role or site granted for a period, as the request gave it ({@code role} or {@code site}). */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GrantView(String role, String site, Instant notBefore, Instant notAfter) {}

  /** One key: keyid (hex SHA-256 of the SPKI), algorithm, PEM, its instants and revocation. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record KeyView(
      String keyid,
      String algorithm,
      String publicKey,
      Instant notBefore,
      Instant notAfter,
      Instant revokedAt,
      String revocationReason,
      String revocationAlertId) {}

  public static PartnerView of(Partner partner) {
    return new PartnerView(
        partner.partnerId(),
        named(partner.roles(), partner.roleGrants(), true),
        named(partner.sites(), partner.siteGrants(), false),
        partner.keys().stream().map(PartnerView::key).toList());
  }

  /** The names held always, sorted, then the grants in the order registered. */
  private static List<Object> named(Set<String> always, List<Grant> grants, boolean roles) {
    List<Object> all = new ArrayList<>(always.stream().sorted().toList());
    for (Grant g : grants) {
      all.add(
          new GrantView(
              roles ? g.name() : null, roles ? null : g.name(), g.notBefore(), g.notAfter()));
    }
    return all;
  }

  private static KeyView key(PartnerKey key) {
    var verifier = key.verifier();
    return new KeyView(
        verifier.keyId().hex(),
        verifier.algorithm().name(),
        Pem.writePublicKey(verifier.subjectPublicKeyInfo()),
        key.notBefore(),
        key.notAfter(),
        key.revokedAt(),
        key.revocationReason(),
        key.revocationAlertId());
  }
}
