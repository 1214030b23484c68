package io.sealtrail.custody.detect;

import java.util.Optional;
import java.util.Set;

/** The approved firmware releases every instance sees: (product, image SHA-256) pairs. */
@FunctionalInterface
public interface ReleaseView {
  /** True when a FIRMWARE_RELEASED approved {@code imageSha256} for {@code product}. */
  boolean approved(String product, String imageSha256);

  /**
   * The measurements the release of {@code imageSha256} for {@code product} lets a device running
   * it attest; empty when there is no such release or it declares none, so it is not appraised.
   */
  default Optional<Set<String>> expectedMeasurements(String product, String imageSha256) {
    return Optional.empty();
  }

  /** The key of a release in the releases topic and its global store. */
  static String keyOf(String product, String imageSha256) {
    return product + "\n" + imageSha256;
  }
}
