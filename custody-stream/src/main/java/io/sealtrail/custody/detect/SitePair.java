package io.sealtrail.custody.detect;

import java.util.Objects;

/** Two different sites in a canonical order, so a travel time holds in both directions. */
public record SitePair(String first, String second) {
  public SitePair {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first.compareTo(second) >= 0) {
      throw new IllegalArgumentException(
          "a site pair is two different sites in order, got " + first + " and " + second);
    }
  }

  public static SitePair of(String a, String b) {
    return a.compareTo(b) < 0 ? new SitePair(a, b) : new SitePair(b, a);
  }
}
