package io.sealtrail.ingest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerKey;
import java.time.Instant;
import java.util.List;

/**
 * A partner as the admin API answers it: its keys with their keyids, validity and revocation. Two
 * views are equal when the registrations are, which is how a write is recognised in the directory.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // an empty sites list means "any site": show it
public record PartnerView(
    String partnerId, List<String> roles, List<String> sites, List<KeyView> keys) {

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
        partner.roles().stream().sorted().toList(),
        partner.sites().stream().sorted().toList(),
        partner.keys().stream().map(PartnerView::key).toList());
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
