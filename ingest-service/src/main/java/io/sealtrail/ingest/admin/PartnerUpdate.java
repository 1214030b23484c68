package io.sealtrail.ingest.admin;

import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A new registration of a partner that is already known. Revocations survive it: a compromised key
 * must not come back because an administrator re-ran a registration. A kept key keeps its
 * revocation; a key the update leaves out stays listed, revoked from the update on (or from its
 * earlier revocation), so a submission signed with it is {@code REVOKED_KEY}, not {@code
 * UNKNOWN_KEY}, and accepted history keeps its key.
 */
final class PartnerUpdate {
  private PartnerUpdate() {}

  /** {@code requested} with the revocations of {@code stored}, updated at {@code at}. */
  static Partner merge(Partner stored, Partner requested, Instant at) {
    List<PartnerKey> keys = new ArrayList<>();
    for (PartnerKey key : requested.keys()) {
      keys.add(
          stored
              .key(key.keyId().hex())
              .filter(known -> known.revokedAt() != null)
              .map(
                  known ->
                      key.revokedFrom(
                          known.revokedAt(), known.revocationReason(), known.revocationAlertId()))
              .orElse(key));
    }
    for (PartnerKey left : stored.keys()) {
      if (requested.key(left.keyId().hex()).isEmpty()) {
        keys.add(left.revokedFrom(at));
      }
    }
    return new Partner(
        requested.partnerId(),
        requested.roles(),
        requested.sites(),
        keys,
        requested.roleGrants(),
        requested.siteGrants());
  }
}
