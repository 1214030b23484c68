package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.avro.event.Scanned;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * COMPONENT_SUBSTITUTION when an inspection finds a component in a device that assembly did not put
 * there: an unknown part, another lot, or another serial. A partial inspection is not one.
 */
final class ComponentSubstitutionDetector implements Detector {
  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    if (prior == null || prior.getComponents().isEmpty()) {
      return List.of();
    }
    List<ComponentRef> foreign =
        event.detail(Scanned.class).map(Scanned::getComponents).orElse(List.of()).stream()
            .filter(seen -> prior.getComponents().stream().noneMatch(built -> same(built, seen)))
            .collect(Collectors.toList());
    if (foreign.isEmpty()) {
      return List.of();
    }
    String found =
        foreign.stream()
            .map(ComponentSubstitutionDetector::describe)
            .collect(Collectors.joining(", "));
    String summary = event.serial() + " holds components not assembled into it: " + found;
    return List.of(
        Finding.of(AlertType.COMPONENT_SUBSTITUTION, event, summary, Map.of("components", found)));
  }

  /** The same part from the same lot, and the same serial when both sides name one. */
  private static boolean same(ComponentRef built, ComponentRef seen) {
    return built.getPartNumber().equals(seen.getPartNumber())
        && built.getLot().equals(seen.getLot())
        && (built.getSerial() == null
            || seen.getSerial() == null
            || Objects.equals(built.getSerial(), seen.getSerial()));
  }

  private static String describe(ComponentRef c) {
    return c.getPartNumber()
        + "/"
        + c.getLot()
        + (c.getSerial() == null ? "" : "/" + c.getSerial());
  }
}
