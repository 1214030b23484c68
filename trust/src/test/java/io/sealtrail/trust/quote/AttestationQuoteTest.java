package io.sealtrail.trust.quote;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AttestationQuoteTest {
  private final AttestationQuote quote =
      new AttestationQuote("SN-0001", "a1b2", "ff".repeat(32), 42);

  @Test
  void shouldSignThePaeOfTheQuoteBody() {
    String signed = new String(quote.signedBytes(), StandardCharsets.UTF_8);

    assertThat(signed)
        .isEqualTo(
            "DSSEv1 31 application/vnd.sealtrail.quote 80 SN-0001\na1b2\n"
                + "ff".repeat(32)
                + "\n42");
  }

  @ParameterizedTest
  @EnumSource(KeyAlgorithm.class)
  void shouldVerifyAQuoteSignedByTheProvisionedDeviceKey(KeyAlgorithm algorithm) {
    Signer device = Fixtures.newKey(algorithm);

    byte[] signature = quote.sign(device);

    assertThat(quote.verify(device.subjectPublicKeyInfo(), signature)).isTrue();
  }

  @Test
  void shouldRefuseAQuoteWhoseCounterWasChanged() {
    Signer device = Fixtures.ed25519();
    byte[] signature = quote.sign(device);

    boolean valid =
        new AttestationQuote("SN-0001", "a1b2", "ff".repeat(32), 43)
            .verify(device.subjectPublicKeyInfo(), signature);

    assertThat(valid).isFalse();
  }

  @Test
  void shouldRefuseAQuoteAgainstAnotherDevicesKey() {
    byte[] signature = quote.sign(Fixtures.ed25519());

    assertThat(quote.verify(Fixtures.ed25519().subjectPublicKeyInfo(), signature)).isFalse();
    assertThat(quote.verify(new byte[] {1, 2}, signature)).as("unreadable key").isFalse();
  }
}
