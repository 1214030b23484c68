package io.sealtrail.custody.state;

import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Packed;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.Shipped;
import io.sealtrail.avro.event.Unpacked;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.custody.event.Observation;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which serials a container's event applies to, besides the container itself. */
public final class Contents {
  private static final Set<EventType> APPLY_TO_CONTENTS =
      EnumSet.of(
          EventType.SHIPPED, EventType.RECEIVED, EventType.SEAL_APPLIED, EventType.SEAL_CHECKED);

  private Contents() {}

  /** True for a container's events that apply to whatever it holds at the time. */
  public static boolean appliesToContents(Observation event) {
    return APPLY_TO_CONTENTS.contains(event.type());
  }

  /**
   * The serials {@code event} moves with its subject: those packed or unpacked; for shipping,
   * receiving and seal events what the container held before it ({@code before}, may be null); and
   * for shipping and receiving also every serial the manifest or the receipt scan names, since the
   * event claims it travels inside. Never the subject itself, each serial once.
   */
  public static List<String> carriedBy(Observation event, CustodyState before) {
    Set<String> carried = new LinkedHashSet<>();
    if (before != null && appliesToContents(event)) {
      carried.addAll(before.getContents());
    }
    carried.addAll(named(event));
    carried.remove(event.serial());
    return List.copyOf(carried);
  }

  /**
   * The serials a container's event goes on to after it reached {@code held}, a serial that
   * container holds: what {@code held} holds in turn, so the event reaches every level of nesting.
   * Never the event's subject or a serial the event names (it reached those directly), nor {@code
   * held} itself: a cycle of containers is not followed round.
   */
  public static List<String> passedOn(Observation containerEvent, CustodyState held) {
    if (held == null) {
      return List.of();
    }
    Set<String> next = new LinkedHashSet<>(held.getContents());
    next.removeAll(named(containerEvent));
    next.remove(containerEvent.serial());
    next.remove(held.getSerial());
    return List.copyOf(next);
  }

  /** True when {@code event} names {@code serial} among what it packs, unpacks, ships or scans. */
  public static boolean names(Observation event, String serial) {
    return named(event).contains(serial);
  }

  /** The serials {@code event} names: packed, unpacked, in the manifest or scanned on receipt. */
  public static Set<String> named(Observation event) {
    Set<String> named = new LinkedHashSet<>();
    event.detail(Packed.class).ifPresent(p -> named.addAll(p.getContents()));
    event.detail(Unpacked.class).ifPresent(u -> named.addAll(u.getContents()));
    event.detail(Shipped.class).ifPresent(s -> named.addAll(s.getManifest()));
    event.detail(Received.class).ifPresent(r -> named.addAll(r.getScanned()));
    return named;
  }
}
