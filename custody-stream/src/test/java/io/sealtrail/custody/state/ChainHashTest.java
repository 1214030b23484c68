package io.sealtrail.custody.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hash chain against values computed independently (Python hashlib). */
class ChainHashTest {
  static final String HELLO = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
  static final String WORLD = "486ea46224d1bb4fb680f34f7c9ad96a8f24ec88be73ea8e5a6c65260e9cb8a7";

  @Test
  void shouldStartFromThirtyTwoZeroBytesWhenSerialIsNew() {
    assertThat(ChainHash.GENESIS).isEqualTo("0".repeat(64));
  }

  @Test
  void shouldHashPreviousLinkThenPayloadHashWhenEventIsAppended() {
    String first = ChainHash.next(ChainHash.GENESIS, HELLO);

    assertThat(first).isEqualTo("9851312028952521510e8eaab5be94e7dc24b5fc292b2e9781173cf11ffa9878");
    assertThat(ChainHash.next(first, WORLD))
        .isEqualTo("98d128df384d428ffe76af3c0198ff1e8945ef71e741ba440bafff0510da8f22");
  }

  @Test
  void shouldChangeHeadWhenTwoEventsSwapPlaces() {
    String swapped = ChainHash.next(ChainHash.next(ChainHash.GENESIS, WORLD), HELLO);

    assertThat(swapped)
        .isEqualTo("9fbc0fd6a57bd7242db93d36b724e1446eaa55b49372bde84920e34ff3419a0c")
        .isNotEqualTo(ChainHash.next(ChainHash.next(ChainHash.GENESIS, HELLO), WORLD));
  }
}
