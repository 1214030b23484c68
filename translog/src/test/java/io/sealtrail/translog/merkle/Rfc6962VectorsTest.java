package io.sealtrail.translog.merkle;

import static io.sealtrail.translog.merkle.Trees.h;
import static io.sealtrail.translog.merkle.Trees.hs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published RFC 6962 reference input set (reference §5), indices 0-based. */
class Rfc6962VectorsTest {
  private static final String I08_0 =
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7";
  private static final String I08_1 =
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e";
  private static final String I08_2 =
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4";
  private static final String BC1A =
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b";
  private static final String CA85 =
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0";
  private static final String ROOT4 =
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7";
  private static final String ROOT2 =
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125";
  private static final String ROOT1 =
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d";
  private static final String E0BC =
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a";

  private final MerkleTree tree = Trees.rfc6962();

  @ParameterizedTest
  @CsvSource({
    "0, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "1, 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "2, fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "3, aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "4, d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "5, 4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "6, 76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "7, ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "8, 5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  })
  void shouldReproduceThePublishedRoots(long size, String root) {
    assertThat(tree.rootHash(size)).isEqualTo(h(root));
  }

  @Test
  void shouldReproduceAndVerifyThePublishedInclusionProofs() {
    assertInclusion(0, 8, hs(I08_0, I08_1, I08_2));
    assertInclusion(5, 8, hs(BC1A, CA85, ROOT4));
    assertInclusion(2, 3, hs(ROOT2));
    assertInclusion(1, 5, hs(ROOT1, I08_1, BC1A));
  }

  @Test
  void shouldReproduceAndVerifyThePublishedConsistencyProofs() {
    assertConsistency(1, 8, hs(I08_0, I08_1, I08_2));
    assertConsistency(6, 8, hs(E0BC, CA85, ROOT4));
    assertConsistency(2, 5, hs(I08_1, BC1A));
    assertConsistency(
        6, 7, hs(E0BC, "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f", ROOT4));
  }

  private void assertInclusion(long index, long size, List<Hash> path) {
    assertThat(tree.inclusionProof(index, size).hashes()).isEqualTo(path);
    new InclusionProof(index, size, tree.leafHash(index), path).verify(tree.rootHash(size));
  }

  private void assertConsistency(long from, long to, List<Hash> path) {
    assertThat(tree.consistencyProof(from, to).hashes()).isEqualTo(path);
    new ConsistencyProof(from, to, path).verify(tree.rootHash(from), tree.rootHash(to));
  }
}
