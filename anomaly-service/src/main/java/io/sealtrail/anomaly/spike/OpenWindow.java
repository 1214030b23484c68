package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.common.Evidence;
import org.apache.kafka.common.serialization.Serde;

/**
 * One cohort's window not judged yet: its tally and the wall-clock time its latest hit arrived, so
 * that the window closes on the wall clock when no later event ever comes (see {@link
 * SpikeRules#closesAtMillis}), also after a restart.
 */
record OpenWindow(long lastArrivalMillis, Tally tally) {
  /**
   * {@code earlier} (or a new window) with {@code hit}, arrived at wall-clock {@code nowMillis}.
   */
  static OpenWindow with(OpenWindow earlier, Evidence hit, long nowMillis, int maxEvidence) {
    Tally before = earlier == null ? Tally.empty() : earlier.tally();
    long last = earlier == null ? nowMillis : Math.max(earlier.lastArrivalMillis(), nowMillis);
    return new OpenWindow(last, before.add(hit, maxEvidence));
  }

  /** The arrival time as 8 bytes, then the tally in {@link TallySerde}'s format. */
  static Serde<OpenWindow> serde() {
    return TimePrefixed.serde(
        TallySerde.serde(), OpenWindow::lastArrivalMillis, OpenWindow::tally, OpenWindow::new);
  }
}
