package io.sealtrail.cli.demo;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * A {@link SecureRandom} that is not secure at all: it repeats for a seed, so that a demo's keys
 * and signatures are the same on every run with that seed. Only for demo data.
 */
final class SeededRandom extends SecureRandom {
  private final SplittableRandom random;

  SeededRandom(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public void nextBytes(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
  }

  @Override
  public int nextInt() {
    return random.nextInt();
  }

  @Override
  public byte[] generateSeed(int numBytes) {
    byte[] seed = new byte[numBytes];
    nextBytes(seed);
    return seed;
  }
}
