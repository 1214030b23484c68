package io.sealtrail.anomaly.spike;

import java.util.List;

/**
 * The records that travel from the detectors to the fold, keyed by window: a spiking cohort's alert
 * (a list of one), or a tick (an empty list) that carries a detector's stream time, so the fold
 * learns that windows have closed even when nothing spikes. Keys are the window end, zero-padded so
 * that the pending store iterates windows in time order.
 */
final class SpikeWindows {
  static final String TICK = "tick";

  private SpikeWindows() {}

  static String key(long windowEndMillis) {
    return String.format("%020d", windowEndMillis);
  }

  static long endMillis(String key) {
    return Long.parseLong(key);
  }

  static boolean isTick(List<?> value) {
    return value.isEmpty();
  }
}
