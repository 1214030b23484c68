package io.sealtrail.custody.detect;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.custody.event.Observation;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Clears a held check of a flash of a released image: no withdrawal of the image dated at or before
 * the flash has arrived by the end of the grace. A withdrawal is processed on the product's
 * partition, which may trail this one, so it is decided like a release ({@link #metElsewhere}).
 * When one has arrived the flash was of a withdrawn image: the violation is raised, completed with
 * the withdrawal as evidence.
 */
record NoWithdrawal(String product, String imageSha256, Instant flashedAt) implements Awaiting {
  static final String KIND = "no-withdrawal";
  static final String FLASHED_AT = "awaiting.flashedAt";

  static NoWithdrawal from(Map<String, String> attributes) {
    return new NoWithdrawal(
        attributes.get(Release.PRODUCT),
        attributes.get(Release.IMAGE),
        Instant.parse(attributes.get(FLASHED_AT)));
  }

  @Override
  public boolean metBy(Observation event) {
    return false; // a withdrawal concerns the product's serial, never the flashed device's
  }

  @Override
  public boolean metIn(ReleaseView releases) {
    return withdrawnBefore(releases).isEmpty();
  }

  @Override
  public boolean metElsewhere() {
    return true;
  }

  @Override
  public Optional<Violation> settle(Violation held, ReleaseView releases) {
    return withdrawnBefore(releases).map(w -> WithdrawnImage.complete(held, w));
  }

  private Optional<Observation> withdrawnBefore(ReleaseView releases) {
    return releases
        .withdrawal(product, imageSha256)
        .filter(w -> WithdrawnImage.covers(w, flashedAt));
  }

  @Override
  public Map<String, String> attributes() {
    return Map.of(
        KEY,
        KIND,
        Release.PRODUCT,
        product,
        Release.IMAGE,
        imageSha256,
        FLASHED_AT,
        flashedAt.toString());
  }
}
