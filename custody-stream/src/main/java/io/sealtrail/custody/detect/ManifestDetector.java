package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.event.Unpacked;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.SerialKind;
import io.sealtrail.custody.event.Observation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * MANIFEST_MISMATCH when a container's shipped manifest or the serials scanned on its receipt
 * differ from what was packed (missing, extra, swapped), or an unpacking takes out a serial that
 * was never packed. An empty manifest or scan is no claim; a partial unpacking is legitimate.
 */
final class ManifestDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    if (prior == null || prior.getKind() != SerialKind.CONTAINER) {
      return List.of();
    }
    List<String> packed = prior.getContents();
    return event
        .detail(Shipped.class)
        .flatMap(s -> compare(event, "shipped manifest", s.getManifest(), packed, true))
        .or(
            () ->
                event
                    .detail(Received.class)
                    .flatMap(r -> compare(event, "receipt scan", r.getScanned(), packed, true)))
        .or(
            () ->
                event
                    .detail(Unpacked.class)
                    .flatMap(u -> compare(event, "unpacking", u.getContents(), packed, false)))
        .map(List::of)
        .orElse(List.of());
  }

  private static Optional<Finding> compare(
      Observation event, String what, List<String> reported, List<String> packed, boolean whole) {
    if (reported.isEmpty()) {
      return Optional.empty();
    }
    TreeSet<String> extra = new TreeSet<>(reported);
    extra.removeAll(packed);
    TreeSet<String> missing = new TreeSet<>(whole ? packed : List.of());
    missing.removeAll(reported);
    if (extra.isEmpty() && missing.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("missing", String.join(",", missing));
    attributes.put("extra", String.join(",", extra));
    String summary =
        String.format(
            "%s of %s differs from what was packed: missing [%s], extra [%s]",
            what, event.serial(), attributes.get("missing"), attributes.get("extra"));
    return Optional.of(Finding.of(AlertType.MANIFEST_MISMATCH, event, summary, attributes));
  }
}
