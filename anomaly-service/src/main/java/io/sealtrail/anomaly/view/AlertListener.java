package io.sealtrail.anomaly.view;

import io.sealtrail.avro.alert.Alert;

/** Told of every alert version the view takes in, in the order of the alerts topic per alert. */
public interface AlertListener {
  /**
   * @param before the version the view held, or null for a new alert
   * @param live false while the view replays what was published before it started, so that counters
   *     are not counted again on every restart
   */
  void changed(Alert before, Alert after, boolean live);
}
