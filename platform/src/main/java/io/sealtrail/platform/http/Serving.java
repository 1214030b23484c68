package io.sealtrail.platform.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/**
 * Who serves a node's HTTP routes. A deployed node serves them {@link Alone alone}, on a server of
 * its own with a meter registry of its own. Local mode runs every service behind one server: each
 * node is started {@link Shared shared}: it hands the beans of its routes and health to that
 * server, its meters join the host's registry (one {@code /prometheus} shows them all), and the
 * host starts the node's streams once its server serves them, so that no query forwarded to the
 * node finds nobody.
 */
public sealed interface Serving {
  /** Where the node's meters go. */
  MeterRegistry meters();

  /** The node starts its own server where its {@link HttpSettings} say, serving these meters. */
  record Alone(PrometheusMeterRegistry meters) implements Serving {}

  /** The host serves the node's beans on its own server; the node's meters go to {@code meters}. */
  record Shared(MeterRegistry meters) implements Serving {}

  static Serving alone() {
    return new Alone(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  static Serving shared(MeterRegistry meters) {
    return new Shared(Objects.requireNonNull(meters, "meters"));
  }
}
