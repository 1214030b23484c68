package io.sealtrail.translog.merkle;

import static io.sealtrail.translog.merkle.Trees.h;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MerkleHashingTest {

  @Test
  void shouldHashALeafWithTheZeroPrefixAsRfc6962ReferenceData() {
    Hash leaf = MerkleHashing.leafHash("L123456".getBytes(StandardCharsets.US_ASCII));

    assertThat(leaf)
        .isEqualTo(h("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56"));
  }

  @Test
  void shouldHashANodeWithTheOnePrefixAsRfc6962ReferenceData() {
    byte[] node =
        MerkleHashing.nodeHash(
            "N123".getBytes(StandardCharsets.US_ASCII), "N456".getBytes(StandardCharsets.US_ASCII));

    assertThat(Hash.of(node))
        .isEqualTo(h("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb"));
  }

  @Test
  void shouldHashEmptyLeafDataDifferentlyFromTheEmptyTree() {
    assertThat(MerkleHashing.leafHash(new byte[0]))
        .isEqualTo(h("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"));
    assertThat(MerkleHashing.emptyRoot())
        .isEqualTo(h("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  }

  @Test
  void shouldRejectAHashOfAnotherLength() {
    assertThatThrownBy(() -> Hash.of(new byte[31])).hasMessageContaining("got 31");
    assertThatThrownBy(() -> Hash.fromBase64("AAAA")).hasMessageContaining("holds 3");
  }

  @Test
  void shouldRejectBase64ThatIsNotCanonicalPaddedStandardBase64() {
    String good = "MF31n5WQw8msY9KydDw4jjeSRJB4zr9/s9vmRxZDsrc=";

    assertThat(Hash.fromBase64(good).base64()).isEqualTo(good);
    assertThatThrownBy(() -> Hash.fromBase64(good.replace("=", "")))
        .hasMessageContaining("canonical");
    assertThatThrownBy(() -> Hash.fromBase64(good.replace('/', '_')))
        .hasMessageContaining("not standard base64");
    assertThatThrownBy(() -> Hash.fromBase64(good.replace("rc=", "rd=")))
        .hasMessageContaining("canonical");
  }
}
