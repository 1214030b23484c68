package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.SerialKind;
import io.sealtrail.custody.event.Observation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * MANIFEST_MISMATCH (missing, extra, swapped serials), citing the event the claim contradicts. A
 * shipped manifest is compared with what the container holds, a lone device's with the device
 * itself; one naming none of what the container holds names a deeper level (the devices in a
 * pallet's cartons), which this serial's partition cannot see, so the receipt is compared with it
 * instead. A receipt scan is compared with its shipment's manifest when that named serials, else
 * like a manifest. An empty manifest or scan is no claim. Judged once every event before the claim
 * has arrived, against what the container held then. An unpacking is {@link UnpackingDetector}'s.
 */
final class ManifestDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return detect(prior, event, Past.NONE);
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event, Past past) {
    if (prior == null) {
      return List.of();
    }
    return event
        .detail(Shipped.class)
        .flatMap(s -> againstHeld(prior, event, past, "shipped manifest", s.getManifest()))
        .or(() -> event.detail(Received.class).flatMap(r -> received(prior, event, past, r)))
        .map(List::of)
        .orElse(List.of());
  }

  private static Optional<Finding> againstHeld(
      CustodyState prior, Observation event, Past past, String what, List<String> reported) {
    if (prior.getKind() == SerialKind.DEVICE) {
      return compare(event, what, "itself", reported, List.of(event.serial()), true);
    }
    List<String> claim = claimOf(event, reported);
    List<String> held = prior.getContents();
    if (prior.getKind() != SerialKind.CONTAINER
        || (!held.isEmpty() && Collections.disjoint(claim, held))) {
      return Optional.empty();
    }
    return compare(event, what, "what was packed", claim, held, true)
        .map(f -> f.citing(packing(past, event), "packed"));
  }

  private static Optional<Finding> received(
      CustodyState prior, Observation event, Past past, Received receipt) {
    Optional<Observation> shipment =
        past.latest(
            e ->
                e.serial().equals(event.serial())
                    && e.detail(Shipped.class)
                        .map(s -> s.getShipmentId().equals(receipt.getShipmentId()))
                        .orElse(false));
    List<String> manifest =
        shipment
            .map(s -> claimOf(s, s.detail(Shipped.class).orElseThrow().getManifest()))
            .orElse(List.of());
    if (manifest.isEmpty()) {
      return againstHeld(prior, event, past, "receipt scan", receipt.getScanned());
    }
    List<String> scanned = claimOf(event, receipt.getScanned());
    return compare(event, "receipt scan", "what was shipped", scanned, manifest, true)
        .map(f -> f.citing(shipment, "shipped"));
  }

  /** The container's newest packing, which put in what a claim is compared with. */
  static Optional<Observation> packing(Past past, Observation event) {
    return past.latest(e -> e.type() == EventType.PACKED && e.serial().equals(event.serial()));
  }

  /** What a container's event claims it holds: the serials it names but the container itself. */
  private static List<String> claimOf(Observation event, List<String> named) {
    return named.stream().filter(s -> !s.equals(event.serial())).toList();
  }

  static Optional<Finding> compare(
      Observation event,
      String what,
      String against,
      List<String> reported,
      List<String> expected,
      boolean whole) {
    if (reported.isEmpty()) {
      return Optional.empty();
    }
    TreeSet<String> extra = new TreeSet<>(reported);
    extra.removeAll(expected);
    TreeSet<String> missing = new TreeSet<>(whole ? expected : List.of());
    missing.removeAll(reported);
    if (extra.isEmpty() && missing.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("missing", String.join(",", missing));
    attributes.put("extra", String.join(",", extra));
    String summary =
        String.format(
            "%s of %s differs from %s: missing [%s], extra [%s]",
            what, event.serial(), against, attributes.get("missing"), attributes.get("extra"));
    return Optional.of(Finding.of(AlertType.MANIFEST_MISMATCH, event, summary, attributes));
  }
}
