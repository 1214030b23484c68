package io.sealtrail.custody.detect;

import io.sealtrail.custody.event.Observation;
import java.util.Optional;
import java.util.Set;

/**
 * The firmware releases every instance sees: the approved (product, image SHA-256) pairs, what each
 * release lets a device attest, and the withdrawals of such releases.
 */
public interface ReleaseView {
  /** Key prefix of the withdrawals in the releases topic; a product name never starts with NUL. */
  String WITHDRAWN = "\u0000withdrawn\n";

  /** True when a FIRMWARE_RELEASED approved {@code imageSha256} for {@code product}. */
  boolean approved(String product, String imageSha256);

  /** The FIRMWARE_WITHDRAWN of {@code imageSha256} for {@code product}, when one was reported. */
  Optional<Observation> withdrawal(String product, String imageSha256);

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

  /** The key of a withdrawal in the releases topic and its global store. */
  static String withdrawalKeyOf(String product, String imageSha256) {
    return WITHDRAWN + keyOf(product, imageSha256);
  }
}
