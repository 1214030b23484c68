package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The spikes of one window waiting to be folded, and the wall-clock time the first of them reached
 * the fold, kept together so that a restarted fold still knows how long the window has waited.
 */
record PendingWindow(long firstArrivalMillis, List<Alert> spikes) {
  PendingWindow {
    spikes = List.copyOf(spikes);
  }

  /** {@code earlier} (or a new window first reached at {@code nowMillis}) with {@code more}. */
  static PendingWindow with(PendingWindow earlier, List<Alert> more, long nowMillis) {
    if (earlier == null) {
      return new PendingWindow(nowMillis, more);
    }
    List<Alert> spikes = new ArrayList<>(earlier.spikes());
    spikes.addAll(more);
    return new PendingWindow(earlier.firstArrivalMillis(), spikes);
  }

  /** The arrival time as 8 bytes, then the spikes as a list of Avro alerts. */
  static Serde<PendingWindow> serde(Serde<Alert> alert) {
    return TimePrefixed.serde(
        Serdes.ListSerde(ArrayList.class, alert),
        PendingWindow::firstArrivalMillis,
        PendingWindow::spikes,
        PendingWindow::new);
  }
}
