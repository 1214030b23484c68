package io.sealtrail.custody.layout;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a product's process layout: the steps a device of the product must pass, in order,
 * and per BOM revision the steps that replace them. Version 0 is the default layout, which a
 * product without a layout of its own follows: no steps of its own; its rules are the three custody
 * rules every serial follows, raised as INVALID_TRANSITION (ADR 14).
 */
public record Layout(
    String product,
    long version,
    Instant changedAt,
    String changedBy,
    List<Step> steps,
    Map<String, List<Step>> bomRevisions) {
  /** The rules of the default layout, as its document lists them. */
  public static final List<String> DEFAULT_RULES =
      List.of(
          "SHIPPED only under a seal (the shipment names its sealId)",
          "RECEIVED only in a shipment that was SHIPPED",
          "FIRMWARE_FLASHED in service only with an approver of another partner");

  public Layout {
    Objects.requireNonNull(product, "product");
    steps = List.copyOf(steps);
    bomRevisions = Map.copyOf(bomRevisions);
  }

  /** The default layout as answered for {@code product}. */
  public static Layout defaultFor(String product) {
    return new Layout(product, 0, null, null, List.of(), Map.of());
  }

  public boolean isDefault() {
    return version == 0;
  }

  /** The steps of a device built to {@code bomRevision} (null: unknown). */
  public List<Step> stepsFor(String bomRevision) {
    return bomRevision == null ? steps : bomRevisions.getOrDefault(bomRevision, steps);
  }

  /** The index of the step {@code type} does in {@code steps}, when one does. */
  static Optional<Integer> indexOf(List<Step> steps, io.sealtrail.avro.common.EventType type) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).type() == type) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
