package io.sealtrail.custody.provenance;

import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.custody.detect.Finding;
import io.sealtrail.custody.detect.Violations;
import io.sealtrail.custody.event.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The violations of component provenance. One assembly may name several lots and several component
 * serials, each judged on its own partition, so their ids add the lot or the component to the usual
 * {@code TYPE:serial:partnerId:eventId}: one alert per lot or component, and a replay yields the
 * same.
 */
final class ProvenanceFindings {
  static final String LOT = "lot";
  static final String PART_NUMBERS = "partNumbers";
  static final String PART_NUMBER = "partNumber";
  static final String COMPONENT_SERIAL = "componentSerial";
  static final String FIRST_DEVICE = "firstDevice";

  private ProvenanceFindings() {}

  /**
   * UNVERIFIED_COMPONENT: {@code assembly} builds parts of {@code lot} into its device, and no
   * receipt of the lot came before it. Held from {@code heldSince}.
   */
  static Violation unverified(
      String lot, Observation assembly, Assembled detail, Instant heldSince) {
    String parts =
        detail.getComponents().stream()
            .filter(c -> c.getLot().equals(lot))
            .map(ComponentRef::getPartNumber)
            .distinct()
            .sorted()
            .collect(Collectors.joining(","));
    String summary =
        assembly.serial()
            + " was assembled with "
            + parts
            + " of lot "
            + lot
            + ", which was never received (no COMPONENT_RECEIVED of it before the assembly)";
    Finding finding =
        Finding.of(
            AlertType.UNVERIFIED_COMPONENT,
            assembly,
            summary,
            Map.of(LOT, lot, PART_NUMBERS, parts));
    return withIdOf(Violations.of(finding, assembly, heldSince), lot);
  }

  /**
   * The held UNVERIFIED_COMPONENT citing the lot's first receipt, which came after the assembly.
   */
  static Violation receivedOnlyAfter(Violation unverified, Optional<Observation> receipt) {
    if (receipt.isEmpty()) {
      return unverified;
    }
    List<Evidence> evidence = new ArrayList<>(unverified.getEvidence());
    evidence.add(receipt.get().evidence("the lot's first receipt, after the assembly"));
    return Violation.newBuilder(unverified).setEvidence(evidence).build();
  }

  /**
   * COMPONENT_REUSE: {@code later} builds the component {@code key} names into its device, though
   * {@code earlier} (in event time) built it into another.
   */
  static Violation reuse(String key, Observation later, Observation earlier, Instant now) {
    ComponentRef component = ComponentKeys.named(later.detail(Assembled.class).orElseThrow(), key);
    String summary =
        component.getPartNumber()
            + " serial "
            + component.getSerial()
            + " was assembled into "
            + later.serial()
            + ", though it was already assembled into "
            + earlier.serial();
    Finding finding =
        Finding.of(
                AlertType.COMPONENT_REUSE,
                later,
                summary,
                Map.of(
                    PART_NUMBER, component.getPartNumber(),
                    COMPONENT_SERIAL, component.getSerial(),
                    LOT, component.getLot(),
                    FIRST_DEVICE, earlier.serial()))
            .citing(Optional.of(earlier), "the earlier assembly of the same component");
    return withIdOf(Violations.of(finding, later, now), key);
  }

  private static Violation withIdOf(Violation violation, String part) {
    return Violation.newBuilder(violation)
        .setViolationId(violation.getViolationId() + ":" + part)
        .build();
  }
}
