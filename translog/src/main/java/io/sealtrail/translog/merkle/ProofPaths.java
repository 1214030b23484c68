package io.sealtrail.translog.merkle;

import java.util.List;

/**
 * The recursive proof definitions of RFC 6962 §2.1.1 / §2.1.2 (PATH and SUBPROOF) over a range
 * hasher, so the tree answers them from stored nodes. Hashes are appended bottom-up.
 */
final class ProofPaths {
  private ProofPaths() {}

  /** Hashes the leaf range [start, end). */
  @FunctionalInterface
  interface RangeHasher {
    Hash hash(long start, long end);
  }

  /** The largest power of two strictly smaller than {@code n} (n ≥ 2). */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  /** PATH(m, D[start:end]) with m relative to start. */
  static void inclusion(long m, long start, long end, RangeHasher hasher, List<Hash> out) {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      inclusion(m, start, start + k, hasher, out);
      out.add(hasher.hash(start + k, end));
    } else {
      inclusion(m - k, start + k, end, hasher, out);
      out.add(hasher.hash(start, start + k));
    }
  }

  /** SUBPROOF(m, D[start:end], startFromOldRoot) with m relative to start. */
  static void consistency(
      long m, long start, long end, boolean fromOldRoot, RangeHasher hasher, List<Hash> out) {
    long n = end - start;
    if (m == n) {
      if (!fromOldRoot) {
        out.add(hasher.hash(start, end));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      consistency(m, start, start + k, fromOldRoot, hasher, out);
      out.add(hasher.hash(start + k, end));
    } else {
      consistency(m - k, start + k, end, false, hasher, out);
      out.add(hasher.hash(start, start + k));
    }
  }
}
