package io.sealtrail.trust.partner;

import static io.sealtrail.trust.testing.Fixtures.T0;
import static io.sealtrail.trust.testing.Fixtures.partner;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartnerDirectoryTest {
  private final Signer first = Fixtures.ed25519();
  private final Signer second = Fixtures.p256();

  @Test
  void shouldFindAPartnerByAnyOfItsKeys() {
    PartnerDirectory directory =
        PartnerDirectory.of(List.of(partner("acme", Set.of("DOCK"), first, second)));

    assertThat(directory.key(first.keyId().hex()))
        .map(k -> k.partner().partnerId())
        .contains("acme");
    assertThat(directory.key(second.keyId().hex()))
        .map(k -> k.key().keyId())
        .contains(second.keyId());
    assertThat(directory.key(null)).isEmpty();
  }

  @Test
  void shouldForgetRemovedKeysWhenAPartnerIsReRegistered() {
    PartnerDirectory before =
        PartnerDirectory.of(List.of(partner("acme", Set.of("DOCK"), first, second)));

    PartnerDirectory after = before.with(partner("acme", Set.of("DOCK"), second));

    assertThat(after.key(first.keyId().hex())).isEmpty();
    assertThat(after.key(second.keyId().hex())).isPresent();
    assertThat(before.key(first.keyId().hex())).as("snapshots are immutable").isPresent();
  }

  @Test
  void shouldForgetEveryKeyWhenAPartnerIsDeleted() {
    PartnerDirectory directory =
        PartnerDirectory.of(List.of(partner("acme", Set.of("DOCK"), first)));

    PartnerDirectory after = directory.without("acme");

    assertThat(after.partner("acme")).isEmpty();
    assertThat(after.key(first.keyId().hex())).isEmpty();
  }

  @Test
  void shouldMakeAKeyUnusableForBothWhenAnotherPartnerRegistersIt() {
    Partner acme = partner("acme", Set.of("DOCK"), first);
    Partner mallory = partner("mallory", Set.of("DOCK"), first);

    PartnerDirectory acmeFirst = PartnerDirectory.empty().with(acme).with(mallory);
    PartnerDirectory malloryFirst = PartnerDirectory.empty().with(mallory).with(acme);

    for (PartnerDirectory directory : List.of(acmeFirst, malloryFirst)) {
      assertThat(directory.key(first.keyId().hex())).isEmpty();
      assertThat(directory.conflicts())
          .containsExactly(Map.entry(first.keyId().hex(), Set.of("acme", "mallory")));
    }
  }

  @Test
  void shouldKeepARevocationAfterARestartWhenAnotherPartnerListsTheSameKey() {
    Partner acme = partner("acme", Set.of("DOCK"), first);
    Partner mallory = partner("mallory", Set.of("DOCK"), first);
    Partner acmeRevoked = acme.withKeyRevoked(first.keyId().hex(), T0);

    PartnerDirectory live = PartnerDirectory.empty().with(acme).with(mallory).with(acmeRevoked);
    // After compaction the log holds mallory's record, then acme's revoking one.
    PartnerDirectory restarted = PartnerDirectory.empty().with(mallory).with(acmeRevoked);

    assertThat(live.key(first.keyId().hex())).isEmpty();
    assertThat(restarted.key(first.keyId().hex())).isEmpty();
    assertThat(restarted.conflicts()).containsKey(first.keyId().hex());
  }

  @Test
  void shouldGiveTheKeyBackToItsOnlyHolderWhenTheOtherDropsIt() {
    PartnerDirectory conflicting =
        PartnerDirectory.of(
            List.of(
                partner("acme", Set.of("DOCK"), first), partner("mallory", Set.of("DOCK"), first)));

    PartnerDirectory resolved = conflicting.without("mallory");

    assertThat(resolved.key(first.keyId().hex()))
        .map(k -> k.partner().partnerId())
        .contains("acme");
    assertThat(resolved.conflicts()).isEmpty();
  }

  @Test
  void shouldRevokeFromTheGivenInstantAndKeepAnEarlierRevocation() {
    Partner partner =
        partner("acme", Set.of("DOCK"), first).withKeyRevoked(first.keyId().hex(), T0);

    Partner revokedAgainLater = partner.withKeyRevoked(first.keyId().hex(), T0.plusSeconds(60));

    PartnerKey key = revokedAgainLater.key(first.keyId().hex()).orElseThrow();
    assertThat(key.revokedAt()).isEqualTo(T0);
    assertThat(key.standingAt(T0.minusMillis(1))).isEqualTo(KeyStanding.IN_FORCE);
    assertThat(key.standingAt(T0)).isEqualTo(KeyStanding.REVOKED);
  }

  @Test
  void shouldAllowAnySiteWhenNoSiteIsListed() {
    assertThat(partner("acme", Set.of("DOCK"), first).mayReportFrom("anywhere", Instant.EPOCH))
        .isTrue();
    assertThat(
            Fixtures.partnerAt("acme", Set.of("DOCK"), Set.of("rotterdam"), first)
                .mayReportFrom("anywhere", Instant.EPOCH))
        .isFalse();
  }
}
