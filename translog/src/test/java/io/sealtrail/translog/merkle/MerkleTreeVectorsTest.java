package io.sealtrail.translog.merkle;

import static io.sealtrail.translog.merkle.Trees.h;
import static io.sealtrail.translog.merkle.Trees.hs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference's Sealtrail vector set (§4): leaf hashes, roots 0–8, inclusion, consistency. */
class MerkleTreeVectorsTest {
  private static final String LEAF_2 =
      "fca89f57c9f8c8eb4047a7ff9d333acf9e0f3384b20b255bceab0f216dcca267";
  private static final String LEAF_3 =
      "f76836325aec5699d8d71f8e42e9d47c5c29b08059ba296384f7ca40ad3a40ae";
  private static final String LEAF_4 =
      "ea9fc1a1b6e191b460d0d6306e3e870c173f39330f13cda1b70cfc72bdc398ba";
  private static final String LEAF_6 =
      "676f3782f5b3a5fb4370ed49572cedc523f4a66322269c85f2af0509d17b0a4d";
  private static final String LEAF_7 =
      "060242692909024231d050c5d4434146ba77da322d450286f577c9f951615d53";
  private static final String D0_2 =
      "60a53eed0de87a90c8e59427c59c46253c33a76a09502a51801300927b7e6bdc";
  private static final String D2_4 =
      "bd45ff28796704d88bdac51b1df553fda59837b616d6d1cb2114dbc3b087ff69";
  private static final String D4_6 =
      "985bb5d36b927800876871da925a7e82abe83a9ddba5882920a007a55ea2b376";
  private static final String D0_4 =
      "bdd1c5ff55b19cb6b0e7c761bf9a6ccaa27fbbfc07b74f1fabb6e911a0bd2ab3";
  private static final String D4_8 =
      "f58aaab46122102d66b00c5eb50b13dd763b5f800139b424fda8b1cacae1408a";
  private static final String D4_7 =
      "8eae6bd3b3a07f1f75ee72a531629e6eb31e42e62f760e47de52a53c3641ef23";
  private static final String D6_8 =
      "398ebdeb46e179eeffacef4635fd30410954e169b88e22741fa96cffb1022a85";

  private final MerkleTree tree = Trees.sealtrail(8);

  @ParameterizedTest
  @CsvSource({
    "0, 305df59f9590c3c9ac63d2b2743c388e3792449078cebf7fb3dbe6471643b2b7",
    "1, 3145c409f259b7c53e32036090ff76751025a2498ba9823ef718cac50b4e616f",
    "2, fca89f57c9f8c8eb4047a7ff9d333acf9e0f3384b20b255bceab0f216dcca267",
    "3, f76836325aec5699d8d71f8e42e9d47c5c29b08059ba296384f7ca40ad3a40ae",
    "4, ea9fc1a1b6e191b460d0d6306e3e870c173f39330f13cda1b70cfc72bdc398ba",
    "5, 8f1593cb92f429d9340b9bbc1f0bb122adf8026c42a4a42142e2168931727236",
    "6, 676f3782f5b3a5fb4370ed49572cedc523f4a66322269c85f2af0509d17b0a4d",
    "7, 060242692909024231d050c5d4434146ba77da322d450286f577c9f951615d53"
  })
  void shouldHashEachLeafAsTheReference(int index, String leafHash) {
    assertThat(MerkleHashing.leafHash(Trees.leafData(index))).isEqualTo(h(leafHash));
    assertThat(tree.leafHash(index)).isEqualTo(h(leafHash));
  }

  @ParameterizedTest
  @CsvSource({
    "0, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    "1, 305df59f9590c3c9ac63d2b2743c388e3792449078cebf7fb3dbe6471643b2b7, MF31n5WQw8msY9KydDw4jjeSRJB4zr9/s9vmRxZDsrc=",
    "2, 60a53eed0de87a90c8e59427c59c46253c33a76a09502a51801300927b7e6bdc, YKU+7Q3oepDI5ZQnxZxGJTwzp2oJUCpRgBMAknt+a9w=",
    "3, cf763a041c81ceef1578a6083f75c61bef2e0014f2a3e683a97fcfca5be7f19a, z3Y6BByBzu8VeKYIP3XGG+8uABTyo+aDqX/Pylvn8Zo=",
    "4, bdd1c5ff55b19cb6b0e7c761bf9a6ccaa27fbbfc07b74f1fabb6e911a0bd2ab3, vdHF/1WxnLaw58dhv5psyqJ/u/wHt08fq7bpEaC9KrM=",
    "5, 00d21829a5503145348abcf712513eacf2a274211ad83e970202bb5b6d80b286, ANIYKaVQMUU0irz3ElE+rPKidCEa2D6XAgK7W22AsoY=",
    "6, 160cf1a616e8792f9078a9665cb06520d95a33f467d0826f2310219d31383d73, FgzxphboeS+QeKlmXLBlINlaM/Rn0IJvIxAhnTE4PXM=",
    "7, 0b007fb915eb9b2a146f54b1c86ec53b664f8e455b7660b0b6ee13edc0d921c0, CwB/uRXrmyoUb1SxyG7FO2ZPjkVbdmCwtu4T7cDZIcA=",
    "8, ca6b7b3e674ac86c1027b59c87c064fc3bc27b313294c75f83bd05fdd13f0dcf, ymt7PmdKyGwQJ7Wch8Bk/DvCezEylMdfg70F/dE/Dc8="
  })
  void shouldComputeEachRootAsTheReference(long size, String hex, String base64) {
    assertThat(tree.rootHash(size)).isEqualTo(h(hex));
    assertThat(tree.rootHash(size).base64()).isEqualTo(base64);
    assertThat(Trees.sealtrail((int) size).rootHash(size)).isEqualTo(h(hex));
  }

  @Test
  void shouldGenerateAndVerifyTheReferenceInclusionProofs() {
    assertInclusion(2, 7, hs(LEAF_3, D0_2, D4_7));
    assertInclusion(6, 7, hs(D4_6, D0_4));
    assertInclusion(0, 1, List.of());
    assertInclusion(5, 8, hs(LEAF_4, D6_8, D0_4));
  }

  @Test
  void shouldGenerateAndVerifyTheReferenceConsistencyProofs() {
    assertConsistency(3, 7, hs(LEAF_2, LEAF_3, D0_2, D4_7));
    assertConsistency(4, 8, hs(D4_8));
    assertConsistency(
        1, 8, hs("3145c409f259b7c53e32036090ff76751025a2498ba9823ef718cac50b4e616f", D2_4, D4_8));
    assertConsistency(6, 8, hs(D4_6, D6_8, D0_4));
    assertConsistency(7, 8, hs(LEAF_6, LEAF_7, D4_6, D0_4));
  }

  private void assertInclusion(long index, long size, List<Hash> path) {
    InclusionProof proof = tree.inclusionProof(index, size);

    assertThat(proof.hashes()).isEqualTo(path);
    assertThat(proof.leafHash()).isEqualTo(tree.leafHash(index));
    assertThat(proof.verifies(tree.rootHash(size))).isTrue();
  }

  private void assertConsistency(long from, long to, List<Hash> path) {
    ConsistencyProof proof = tree.consistencyProof(from, to);

    assertThat(proof.hashes()).isEqualTo(path);
    assertThat(proof.verifies(tree.rootHash(from), tree.rootHash(to))).isTrue();
  }
}
