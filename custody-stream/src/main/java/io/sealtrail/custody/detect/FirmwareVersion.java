package io.sealtrail.custody.detect;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * A firmware version ordered part by part: numeric parts as numbers, others as text, so 1.10.0 is
 * above 1.9.3 and 2.0.0-rc1 below 2.0.0-rc2.
 */
record FirmwareVersion(String text) implements Comparable<FirmwareVersion> {
  FirmwareVersion {
    Objects.requireNonNull(text, "text");
  }

  @Override
  public int compareTo(FirmwareVersion other) {
    String[] mine = parts();
    String[] theirs = other.parts();
    for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
      int order = comparePart(mine[i], theirs[i]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(mine.length, theirs.length);
  }

  private String[] parts() {
    return Arrays.stream(text.split("[.\\-+_]")).filter(p -> !p.isEmpty()).toArray(String[]::new);
  }

  private static int comparePart(String a, String b) {
    boolean numeric =
        a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit);
    if (numeric) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    return a.compareTo(b);
  }
}
