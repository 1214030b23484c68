package io.sealtrail.anomaly.service;

import io.sealtrail.anomaly.chart.SpikeCharts;
import io.sealtrail.anomaly.lifecycle.CommandSender;
import io.sealtrail.anomaly.view.AlertView;
import java.util.Objects;

/**
 * What the anomaly HTTP routes need, as one bean: its presence in a Micronaut context switches the
 * anomaly controllers on (several services can share one server).
 */
public record AnomalyBackend(AlertView alerts, CommandSender commands, SpikeCharts spikes) {
  public AnomalyBackend {
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(spikes, "spikes");
  }
}
