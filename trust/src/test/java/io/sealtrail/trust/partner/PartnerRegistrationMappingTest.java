package io.sealtrail.trust.partner;

import static io.sealtrail.trust.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.testing.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartnerRegistrationMappingTest {
  private final Signer ed = Fixtures.ed25519();
  private final Signer ec = Fixtures.p256();

  @Test
  void shouldRoundTripAPartnerThroughItsRegistrationRecord() {
    Partner partner =
        new Partner(
            "acme",
            Set.of("DOCK", "LOGISTICS"),
            Set.of("rotterdam"),
            List.of(
                new PartnerKey(ed.verifier(), T0, T0.plusSeconds(3600), null),
                PartnerKey.unbounded(ec.verifier()).revokedFrom(T0)));

    PartnerRegistration registration =
        PartnerRegistrationMapping.toRegistration(partner, T0, "admin");

    assertThat(registration.getKeys())
        .extracting(k -> k.getKeyId())
        .containsExactly(ed.keyId().hex(), ec.keyId().hex());
    assertThat(PartnerRegistrationMapping.toPartner(registration)).isEqualTo(partner);
  }

  @Test
  void shouldRefuseARegistrationWhoseKeyIdDoesNotMatchItsKey() {
    PartnerRegistration registration =
        PartnerRegistrationMapping.toRegistration(
            Fixtures.partner("acme", Set.of("DOCK"), ed), T0, null);
    registration.getKeys().get(0).setKeyId(ec.keyId().hex());

    assertThatThrownBy(() -> PartnerRegistrationMapping.toPartner(registration))
        .isInstanceOf(InvalidRegistrationException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void shouldRefuseARegistrationWhoseAlgorithmDoesNotMatchItsKey() {
    PartnerRegistration registration =
        PartnerRegistrationMapping.toRegistration(
            Fixtures.partner("acme", Set.of("DOCK"), ed), T0, null);
    registration.getKeys().get(0).setAlgorithm(io.sealtrail.avro.partner.KeyAlgorithm.ECDSA_P256);

    assertThatThrownBy(() -> PartnerRegistrationMapping.toPartner(registration))
        .isInstanceOf(InvalidRegistrationException.class)
        .hasMessageContaining("registered as ECDSA_P256");
  }
}
