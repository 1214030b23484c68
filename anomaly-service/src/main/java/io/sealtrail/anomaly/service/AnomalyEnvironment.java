package io.sealtrail.anomaly.service;

import static io.sealtrail.platform.env.EnvSetting.optional;
import static io.sealtrail.platform.env.EnvSetting.required;

import io.sealtrail.anomaly.topology.AnomalyConfig;
import io.sealtrail.anomaly.topology.AnomalyRules;
import io.sealtrail.platform.env.EnvConfig;
import io.sealtrail.platform.env.EnvSetting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an anomaly-service container is configured with: every environment variable {@link
 * AnomalyMain} reads (documented in deploy/README.md), turned into the flat keys of {@link
 * AnomalyConfig}, whose defaults apply to what is unset.
 *
 * @param healthHost the interface the health routes bind
 * @param healthPort the port of {@code /health} and {@code /health/readiness}
 */
public record AnomalyEnvironment(AnomalyConfig config, String healthHost, int healthPort) {
  static final String HTTP_HOST = "sealtrail.http.host";
  static final String HTTP_PORT = "sealtrail.http.port";
  // Per-product intervals are keys of their own; one variable holds them all: GWX1=PT6H,GWX2=PT1H.
  static final String STALE_INTERVALS = "sealtrail.anomaly.stale.intervals";
  private static final String STALE_INTERVAL_PREFIX = "sealtrail.anomaly.stale.interval.";

  /** Every variable the anomaly service reads, besides the {@code KAFKA_CLIENT_*} settings. */
  public static final EnvConfig VARIABLES = new EnvConfig(settings());

  private static List<EnvSetting> settings() {
    List<EnvSetting> all = new ArrayList<>();
    all.add(required("bootstrap.servers"));
    all.add(required("schema.registry.url"));
    for (String key :
        List.of(
            "application.id",
            "state.dir",
            "num.standby.replicas",
            "sealtrail.topic.violations",
            "sealtrail.topic.events",
            "sealtrail.topic.rejected",
            "sealtrail.topic.alerts",
            "sealtrail.topic.alert-commands",
            "sealtrail.anomaly.alert.max-evidence",
            AnomalyRules.INCIDENT_PARTITIONS_KEY,
            "sealtrail.anomaly.stale.default-interval",
            "sealtrail.anomaly.stale.check-every",
            STALE_INTERVALS,
            HTTP_HOST,
            HTTP_PORT)) {
      all.add(optional(key));
    }
    for (String spike :
        List.of(AnomalyRules.ATTESTATION_SPIKE_PREFIX, AnomalyRules.REJECTION_SPIKE_PREFIX)) {
      for (String rule : List.of("window", "grace", "alpha", "multiplier", "min-count", "floor")) {
        all.add(optional(spike + rule));
      }
    }
    return all;
  }

  /** Reads {@code env}. */
  public static AnomalyEnvironment from(Map<String, String> env) {
    Map<String, String> flat = new HashMap<>(VARIABLES.read(env));
    String intervals = flat.remove(STALE_INTERVALS);
    if (intervals != null) {
      for (String entry : intervals.split(",")) {
        String[] productAndInterval = entry.strip().split("=", 2);
        if (productAndInterval.length != 2) {
          throw new IllegalArgumentException(
              "SEALTRAIL_ANOMALY_STALE_INTERVALS wants product=ISO-8601 duration, got " + entry);
        }
        flat.put(
            STALE_INTERVAL_PREFIX + productAndInterval[0].strip(), productAndInterval[1].strip());
      }
    }
    return new AnomalyEnvironment(
        AnomalyConfig.from(flat),
        flat.getOrDefault(HTTP_HOST, "0.0.0.0"),
        Integer.parseInt(flat.getOrDefault(HTTP_PORT, "8083")));
  }
}
