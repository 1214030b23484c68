package io.sealtrail.custody.detect;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.custody.event.Observation;
import java.util.Map;
import java.util.Optional;

/**
 * Clears a held UNAUTHORIZED_FIRMWARE: the release of the image, reported after the flash. A
 * release alone does not clear it, as the image may also have been withdrawn before the flash: once
 * released, the flash is decided as one of a released image ({@link NoWithdrawal}). So it is
 * decided only when due, from the releases every partition reported, never by a release seen here
 * ({@link #metBy}), which would drop it without the withdrawal check.
 */
public record Release(String product, String imageSha256) implements Awaiting {
  static final String KIND = "release";
  static final String PRODUCT = "awaiting.product";
  static final String IMAGE = "awaiting.imageSha256";

  @Override
  public boolean metBy(Observation event) {
    return false;
  }

  @Override
  public boolean metIn(ReleaseView releases) {
    return releases.approved(product, imageSha256);
  }

  @Override
  public Optional<Violation> settle(Violation held, ReleaseView releases) {
    if (!metIn(releases)) {
      return Optional.of(held);
    }
    return new NoWithdrawal(product, imageSha256, held.getOccurredAt()).settle(held, releases);
  }

  @Override
  public boolean metElsewhere() {
    return true;
  }

  @Override
  public Map<String, String> attributes() {
    return Map.of(KEY, KIND, PRODUCT, product, IMAGE, imageSha256);
  }
}
