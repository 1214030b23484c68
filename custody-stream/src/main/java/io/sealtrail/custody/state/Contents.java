package io.sealtrail.custody.state;

import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Packed;
import io.sealtrail.avro.event.Unpacked;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which serials a container's event applies to, besides the container itself. */
public final class Contents {
  private static final Set<EventType> APPLY_TO_CONTENTS =
      EnumSet.of(
          EventType.SHIPPED, EventType.RECEIVED, EventType.SEAL_APPLIED, EventType.SEAL_CHECKED);

  private Contents() {}

  /**
   * The serials {@code event} moves with its subject: those packed or unpacked, or for shipping,
   * receiving and seal events what the container held before it ({@code before}, may be null).
   */
  public static List<String> carriedBy(Observation event, CustodyState before) {
    if (event.type() == EventType.PACKED) {
      return event.detail(Packed.class).orElseThrow().getContents();
    }
    if (event.type() == EventType.UNPACKED) {
      return event.detail(Unpacked.class).orElseThrow().getContents();
    }
    if (before == null || !APPLY_TO_CONTENTS.contains(event.type())) {
      return List.of();
    }
    return List.copyOf(before.getContents());
  }
}
