package io.sealtrail.custody.hold;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.ComponentRef;
import io.sealtrail.avro.event.Assembled;
import io.sealtrail.avro.event.ComponentReceived;
import io.sealtrail.avro.event.FirmwareFlashed;
import io.sealtrail.avro.hold.Hold;
import io.sealtrail.avro.hold.HoldKind;
import io.sealtrail.avro.state.CustodyState;
import io.sealtrail.avro.state.SerialKind;
import io.sealtrail.custody.detect.Detector;
import io.sealtrail.custody.detect.Finding;
import io.sealtrail.custody.event.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * HOLD_VIOLATION: an accepted event about a held serial, about a device built from a held lot or
 * containing a held serial (its components, as assembled), or a flash of a held image. The event is
 * still folded in: it is a fact; the alert tells security operations that held goods moved. A hold
 * flags the events received while it is active ({@link HoldBook#applies}), never those received
 * before it was placed. The held target and the hold's id, kind, reason, author and alert travel as
 * attributes; the event is the evidence.
 */
public final class HoldDetector implements Detector {
  private final HoldBook holds;

  public HoldDetector(HoldBook holds) {
    this.holds = holds;
  }

  /** The detector over the global hold store a custody processor of {@code context} can read. */
  public static HoldDetector over(ProcessorContext<?, ?> context) {
    return new HoldDetector(new HoldBook(context.getStateStore(HoldStore.NAME)));
  }

  @Override
  public List<Finding> detect(CustodyState prior, Observation event) {
    return detect(event.serial(), prior, event);
  }

  /**
   * What {@code event} shows about {@code serial}, whose state before it is {@code prior}: the
   * event's own subject, or a serial a container's event reached.
   */
  public List<Finding> detect(String serial, CustodyState prior, Observation event) {
    Instant received = event.verified().getReceivedAt();
    Map<String, Covered> covered = new LinkedHashMap<>();
    for (Covered candidate : candidates(serial, prior, event)) {
      if (HoldBook.applies(candidate.hold(), received)) {
        covered.putIfAbsent(candidate.hold().getHoldId(), candidate);
      }
    }
    if (covered.isEmpty()) {
      return List.of();
    }
    List<Covered> all = List.copyOf(covered.values());
    Covered first = all.get(0);
    String summary =
        event.type()
            + " of "
            + serial
            + " while held: "
            + all.stream().map(Covered::why).collect(Collectors.joining("; "));
    Map<String, String> attributes = new HashMap<>();
    Hold hold = first.hold();
    attributes.put("holdId", hold.getHoldId());
    attributes.put("holdKind", hold.getKind().name());
    attributes.put("heldId", hold.getId());
    attributes.put("holdReason", hold.getReason());
    attributes.put("holdPlacedBy", hold.getPlacedBy());
    attributes.put("holdPlacedAt", hold.getPlacedAt().toString());
    if (hold.getAlertId() != null) {
      attributes.put("holdAlertId", hold.getAlertId());
    }
    attributes.put(
        "holds", all.stream().map(c -> c.hold().getHoldId()).collect(Collectors.joining(",")));
    return List.of(Finding.of(AlertType.HOLD_VIOLATION, event, summary, attributes));
  }

  private List<Covered> candidates(String serial, CustodyState prior, Observation event) {
    List<Covered> candidates = new ArrayList<>();
    holds.on(HoldKind.SERIAL, serial).forEach(h -> candidates.add(new Covered(h, "held serial")));
    boolean isLot = prior != null && prior.getKind() == SerialKind.LOT;
    event
        .detail(ComponentReceived.class)
        .filter(received -> serial.equals(event.serial()))
        .ifPresent(
            received ->
                holds
                    .on(HoldKind.LOT, received.getLot())
                    .forEach(h -> candidates.add(new Covered(h, "received from held lot"))));
    if (isLot) {
      holds.on(HoldKind.LOT, serial).forEach(h -> candidates.add(new Covered(h, "held lot")));
    }
    List<ComponentRef> parts = new ArrayList<>();
    if (prior != null) {
      parts.addAll(prior.getComponents());
    }
    if (serial.equals(event.serial())) {
      event.detail(Assembled.class).ifPresent(a -> parts.addAll(a.getComponents()));
    }
    for (ComponentRef part : parts) {
      holds
          .on(HoldKind.LOT, part.getLot())
          .forEach(h -> candidates.add(new Covered(h, "built from held lot")));
      if (part.getSerial() != null) {
        holds
            .on(HoldKind.SERIAL, part.getSerial())
            .forEach(h -> candidates.add(new Covered(h, "contains held serial")));
      }
    }
    if (serial.equals(event.serial())) {
      event
          .detail(FirmwareFlashed.class)
          .ifPresent(
              flash ->
                  holds
                      .on(HoldKind.FIRMWARE, flash.getImageSha256())
                      .forEach(h -> candidates.add(new Covered(h, "flashed with held image"))));
    }
    return candidates;
  }

  /** A hold that covers the event, and how. */
  private record Covered(Hold hold, String how) {
    String why() {
      return how
          + " "
          + hold.getId()
          + " (hold "
          + hold.getHoldId()
          + ", "
          + hold.getReason()
          + ")";
    }
  }
}
