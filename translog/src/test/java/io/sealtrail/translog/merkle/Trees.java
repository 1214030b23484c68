package io.sealtrail.translog.merkle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Test trees: the reference's "leaf-i" set and the RFC 6962 input set, and a naive oracle. */
public final class Trees {
  /** The RFC 6962 reference input leaves (hex). */
  public static final List<String> RFC6962_LEAVES =
      List.of(
          "",
          "00",
          "10",
          "2021",
          "3031",
          "40414243",
          "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  private Trees() {}

  /** A tree of {@code size} leaves "leaf-0" … "leaf-(size-1)". */
  public static AppendableMerkleTree sealtrail(int size) {
    AppendableMerkleTree tree = new AppendableMerkleTree(new InMemoryNodeStore());
    for (int i = 0; i < size; i++) {
      tree.append(leafData(i));
    }
    return tree;
  }

  public static byte[] leafData(int i) {
    return ("leaf-" + i).getBytes(StandardCharsets.US_ASCII);
  }

  public static AppendableMerkleTree rfc6962() {
    AppendableMerkleTree tree = new AppendableMerkleTree(new InMemoryNodeStore());
    RFC6962_LEAVES.forEach(hex -> tree.append(HexFormat.of().parseHex(hex)));
    return tree;
  }

  public static Hash h(String hex) {
    return Hash.fromHex(hex);
  }

  public static List<Hash> hs(String... hex) {
    return Arrays.stream(hex).map(Hash::fromHex).toList();
  }

  /** MTH of leaf hashes by the recursive definition, rehashing everything: the oracle. */
  public static Hash naiveRoot(List<Hash> leaves) {
    if (leaves.isEmpty()) {
      return MerkleHashing.emptyRoot();
    }
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    return MerkleHashing.nodeHash(
        naiveRoot(leaves.subList(0, k)), naiveRoot(leaves.subList(k, leaves.size())));
  }

  /** PATH(m, D[0:n]) by the recursive definition over leaf hashes. */
  public static List<Hash> naivePath(int m, List<Hash> leaves) {
    List<Hash> path = new ArrayList<>();
    if (leaves.size() == 1) {
      return path;
    }
    int k = Integer.highestOneBit(leaves.size() - 1);
    if (m < k) {
      path.addAll(naivePath(m, leaves.subList(0, k)));
      path.add(naiveRoot(leaves.subList(k, leaves.size())));
    } else {
      path.addAll(naivePath(m - k, leaves.subList(k, leaves.size())));
      path.add(naiveRoot(leaves.subList(0, k)));
    }
    return path;
  }

  /** The leaf hashes of the first {@code size} leaves of {@code tree}. */
  public static List<Hash> leafHashes(MerkleTree tree, long size) {
    List<Hash> leaves = new ArrayList<>();
    for (long i = 0; i < size; i++) {
      leaves.add(tree.leafHash(i));
    }
    return leaves;
  }

  /** {@code hash} with one bit of one byte flipped. */
  public static Hash flip(Hash hash, int byteIndex, int bit) {
    byte[] bytes = hash.bytes();
    bytes[byteIndex] ^= (byte) (1 << bit);
    return Hash.of(bytes);
  }
}
