package io.sealtrail.custody.layout;

import io.sealtrail.avro.common.EventType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step of a layout: its name, the event type that does it, the roles allowed to report it
 * (empty: any), how many distinct partners holding one of them must sign it, whether a device may
 * go without it ({@code optional}) or do it again after later steps ({@code repeatable}), and its
 * constraints.
 */
public record Step(
    String name,
    EventType type,
    Set<String> roles,
    int threshold,
    boolean optional,
    boolean repeatable,
    List<Requirement> requires) {
  public Step {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    roles = Set.copyOf(roles);
    requires = List.copyOf(requires);
  }

  /** Whether a signer holding {@code held} may count for this step. */
  boolean allows(List<? extends CharSequence> held) {
    return roles.isEmpty() || held.stream().anyMatch(r -> roles.contains(r.toString()));
  }
}
