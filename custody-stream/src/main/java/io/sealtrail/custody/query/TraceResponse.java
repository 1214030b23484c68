package io.sealtrail.custody.query;

import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.custody.hold.HoldView;
import java.util.List;

/** A lot's trace for a recall: its supplier and every device built with it, where it is now. */
@Serdeable
public record TraceResponse(
    String lot, String supplier, List<TracedDevice> devices, List<HoldView> holds) {
  /** A trace with no hold on the lot. */
  public TraceResponse(String lot, String supplier, List<TracedDevice> devices) {
    this(lot, supplier, devices, List.of());
  }
}
