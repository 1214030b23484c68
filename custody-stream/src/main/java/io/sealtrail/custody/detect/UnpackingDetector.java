package io.sealtrail.custody.detect;

import io.sealtrail.avro.event.Unpacked;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.SerialKind;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * MANIFEST_MISMATCH for an unpacking: one taking out a serial never packed is final at once; packed
 * serials it does not list are missing unless a later event of the container names them within the
 * grace ({@link Accounting}). An empty unpacking is no claim.
 */
final class UnpackingDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return detect(prior, event, Past.NONE);
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event, Past past) {
    return event.detail(Unpacked.class).stream()
        .filter(u -> prior != null)
        .flatMap(u -> unpacked(prior, event, past, u).stream())
        .toList();
  }

  private static Optional<Finding> unpacked(
      CustodyState prior, Observation event, Past past, Unpacked unpacking) {
    if (prior.getKind() != SerialKind.CONTAINER) {
      return Optional.empty();
    }
    List<String> held = prior.getContents();
    Optional<Finding> extra =
        ManifestDetector.compare(
            event, "unpacking", "what was packed", unpacking.getContents(), held, false);
    if (extra.isPresent()) {
      return extra.map(f -> f.citing(ManifestDetector.packing(past, event), "packed"));
    }
    return ManifestDetector.compare(
            event, "unpacking", "what was packed", unpacking.getContents(), held, true)
        .map(f -> f.citing(ManifestDetector.packing(past, event), "packed"))
        .map(f -> f.unless(new Accounting(new TreeSet<>(split(f.attributes().get("missing"))))));
  }

  private static List<String> split(String serials) {
    return List.of(serials.split(","));
  }
}
