package io.sealtrail.trust;

import static io.sealtrail.trust.testing.Fixtures.T0;
import static io.sealtrail.trust.testing.Fixtures.event;
import static io.sealtrail.trust.testing.Fixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.Verification.Rejected;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.partner.Grant;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.policy.Policy;
import io.sealtrail.trust.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Roles and sites granted for a period: judged at receipt, and outside the period an event gets the
 * code it would get had the role or site never been granted.
 */
class GrantsTest {
  private static final Instant FROM = T0;
  private static final Instant UNTIL = T0.plus(Duration.ofDays(1));
  private final Signer key = Fixtures.ed25519();

  @Test
  void shouldVerifyWhenTheRoleIsGrantedAtReceipt() {
    var verifier = verifier(partner(List.of(new Grant("DOCK", FROM, UNTIL)), List.of()));

    assertThat(verifier.verify(received(), FROM).accepted()).isTrue();
    assertThat(verifier.verify(received(), UNTIL).accepted()).isTrue();
  }

  @Test
  void shouldRejectWithRoleNotAllowedWhenReceivedBeforeOrAfterTheRoleGrant() {
    var granted = verifier(partner(List.of(new Grant("DOCK", FROM, UNTIL)), List.of()));
    var never = verifier(partner(List.of(), List.of()));

    Rejected before = (Rejected) granted.verify(received(), FROM.minusMillis(1));
    Rejected after = (Rejected) granted.verify(received(), UNTIL.plusMillis(1));
    Rejected notGranted = (Rejected) never.verify(received(), FROM);

    assertThat(List.of(before, after, notGranted))
        .extracting(Rejected::reason, Rejected::field)
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(RejectionReason.ROLE_NOT_ALLOWED, "/type"));
  }

  @Test
  void shouldRejectWithSiteNotAllowedWhenReceivedOutsideTheSiteGrant() {
    Partner sited =
        partnerWith(
            Set.of("DOCK"),
            Set.of("hamburg"),
            List.of(),
            List.of(new Grant("rotterdam", FROM, UNTIL)));
    var verifier = verifier(sited);

    assertThat(verifier.verify(received(), FROM.plusSeconds(1)).accepted()).isTrue();
    Rejected after = (Rejected) verifier.verify(received(), UNTIL.plusSeconds(1));
    assertThat(after.reason()).isEqualTo(RejectionReason.SITE_NOT_ALLOWED);
    assertThat(after.field()).isEqualTo("/site");
    // The site held always still is.
    assertThat(verifier.verify(receivedAt("hamburg"), UNTIL.plusSeconds(1)).accepted()).isTrue();
  }

  @Test
  void shouldNotAllowAnySiteWhenTheOnlySiteGrantHasEnded() {
    Partner onlyGranted =
        partnerWith(
            Set.of("DOCK"), Set.of(), List.of(), List.of(new Grant("rotterdam", FROM, UNTIL)));

    assertThat(onlyGranted.mayReportFrom("anywhere", FROM)).isFalse();
    assertThat(onlyGranted.mayReportFrom("rotterdam", UNTIL.plusSeconds(1))).isFalse();
  }

  private Envelope received() {
    return receivedAt("rotterdam");
  }

  private Envelope receivedAt(String site) {
    return signed(event("RECEIVED", "dock-7", site), key);
  }

  private Partner partner(List<Grant> roleGrants, List<Grant> siteGrants) {
    return partnerWith(Set.of(), Set.of(), roleGrants, siteGrants);
  }

  private Partner partnerWith(
      Set<String> roles, Set<String> sites, List<Grant> roleGrants, List<Grant> siteGrants) {
    return new Partner(
        "dock-7",
        roles,
        sites,
        List.of(PartnerKey.unbounded(key.verifier())),
        roleGrants,
        siteGrants);
  }

  private static SubmissionVerifier verifier(Partner partner) {
    PartnerDirectory directory = PartnerDirectory.of(List.of(partner));
    return new SubmissionVerifier(() -> directory, Policy.defaults());
  }
}
