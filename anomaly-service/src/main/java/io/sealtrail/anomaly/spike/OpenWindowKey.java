package io.sealtrail.anomaly.spike;

/**
 * The key of a window in the open-windows store: the window's end (zero-padded, so the store
 * iterates windows oldest first, see {@link SpikeWindows#key}), a bar, and the cohort's key.
 */
record OpenWindowKey(long endMillis, String cohort) {
  String format() {
    return SpikeWindows.key(endMillis) + "|" + cohort;
  }

  static OpenWindowKey parse(String key) {
    int bar = key.indexOf('|');
    return new OpenWindowKey(SpikeWindows.endMillis(key.substring(0, bar)), key.substring(bar + 1));
  }
}
