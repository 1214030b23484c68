package io.sealtrail.trust.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sealtrail.trust.testing.Fixtures;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Key parsers meet untrusted bytes (registrations, PEM files): they refuse with their own
 * exceptions, nothing else.
 */
class KeyParsingFuzzTest {

  @Property(tries = 1000)
  void shouldRefuseArbitraryBytesAsAPublicKeyWithAKeyException(@ForAll byte[] bytes) {
    assertRefusedOrRead(() -> Verifiers.forKey(bytes));
  }

  @Property(tries = 1000)
  void shouldRefuseArbitraryBytesAsAPrivateKeyWithAKeyException(@ForAll byte[] bytes) {
    assertRefusedOrRead(() -> Signers.forKey(bytes));
  }

  @Property(tries = 500)
  void shouldRefuseAMutatedPublicKeyWithAKeyExceptionOrReadADifferentKey(
      @ForAll KeyAlgorithm algorithm,
      @ForAll @IntRange(min = 0, max = 1000) int position,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    byte[] spki = Fixtures.newKey(algorithm).subjectPublicKeyInfo();
    spki[position % spki.length] ^= (byte) mask;

    assertRefusedOrRead(() -> Verifiers.forKey(spki));
  }

  @Property(tries = 500)
  void shouldRefuseArbitraryPemWithAKeyException(@ForAll byte[] body) {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(body)
            + "\n-----END PUBLIC KEY-----\n";

    assertRefusedOrRead(() -> Verifiers.forKey(Pem.readPublicKey(pem)));
  }

  private static void assertRefusedOrRead(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable parse) {
    Throwable thrown = catchThrowable(parse);
    if (thrown != null) {
      assertThat(thrown).isInstanceOfAny(KeyFormatException.class, UnsupportedKeyException.class);
    }
  }
}
