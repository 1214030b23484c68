package io.sealtrail.trust.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class OpensslTest {

  @Test
  void shouldFailTheTestWhenOpensslIsMissingAndRequired() {
    assertThatThrownBy(() -> Openssl.requireOrSkip(false, true))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(Openssl.REQUIRED_PROPERTY);
  }

  @Test
  void shouldSkipTheTestWhenOpensslIsMissingAndNotRequired() {
    assertThatThrownBy(() -> Openssl.requireOrSkip(false, false))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void shouldRunTheTestWhenOpensslIsInstalled() {
    assertThatCode(() -> Openssl.requireOrSkip(true, true)).doesNotThrowAnyException();
  }
}
