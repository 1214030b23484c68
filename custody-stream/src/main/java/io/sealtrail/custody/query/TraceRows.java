package io.sealtrail.custody.query;

import io.sealtrail.avro.hold.Hold;
import io.sealtrail.avro.hold.HoldKind;
import io.sealtrail.avro.hold.HoldStatus;
import io.sealtrail.custody.hold.HoldBook;
import io.sealtrail.custody.lineage.DeepLineage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows of a lot's trace, made as they are read: each device reached from the lot with its
 * custody and the active holds that cover it — its own (serial, its lots and parts, its image), the
 * lot's, and those on a sub-assembly it was reached through.
 */
final class TraceRows implements Iterator<TraceLine> {
  private final String lot;
  private final Iterator<DeepLineage.Reached> reached;
  private final Function<String, Seen> seen;
  private final HoldBook holds;
  private final List<Hold> onLot;

  TraceRows(
      String lot,
      Iterator<DeepLineage.Reached> reached,
      Function<String, Seen> seen,
      HoldBook holds) {
    this.lot = lot;
    this.reached = reached;
    this.seen = seen;
    this.holds = holds;
    this.onLot = active(holds.on(HoldKind.LOT, lot));
  }

  @Override
  public boolean hasNext() {
    return reached.hasNext();
  }

  @Override
  public TraceLine next() {
    DeepLineage.Reached device = reached.next();
    Seen state = seen.apply(device.serial());
    Map<String, TraceLine.HoldRef> covering = new LinkedHashMap<>();
    state.holds().forEach(h -> covering.putIfAbsent(h.holdId(), h));
    List<Hold> more = new ArrayList<>(onLot);
    device.via().forEach(serial -> more.addAll(active(holds.on(HoldKind.SERIAL, serial))));
    more.forEach(h -> covering.putIfAbsent(h.getHoldId(), Seen.ref(h)));
    List<TraceLine.HoldRef> all = List.copyOf(covering.values());
    return new TraceLine(
        device.serial(),
        state.status(),
        state.site(),
        state.custodian(),
        state.customer(),
        state.container(),
        state.firmware(),
        all.isEmpty() ? null : all.get(0),
        state.lastSeenAt(),
        device.depth(),
        device.via(),
        lot,
        device.parts(),
        state.product(),
        all.stream().map(TraceLine.HoldRef::holdId).toList());
  }

  private static List<Hold> active(List<Hold> holds) {
    return holds.stream().filter(h -> h.getStatus() == HoldStatus.ACTIVE).toList();
  }
}
