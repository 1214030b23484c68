package io.sealtrail.custody.detect;

/** The approved firmware releases every instance sees: (product, image SHA-256) pairs. */
@FunctionalInterface
public interface ReleaseView {
  /** True when a FIRMWARE_RELEASED approved {@code imageSha256} for {@code product}. */
  boolean approved(String product, String imageSha256);

  /** The key of a release in the releases topic and its global store. */
  static String keyOf(String product, String imageSha256) {
    return product + "\n" + imageSha256;
  }
}
