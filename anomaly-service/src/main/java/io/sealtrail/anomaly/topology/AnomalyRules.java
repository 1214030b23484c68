package io.sealtrail.anomaly.topology;

import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.anomaly.spike.SpikeKind;
import io.sealtrail.anomaly.spike.SpikeRules;
import io.sealtrail.anomaly.stale.StaleRules;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Severity;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The detection settings of the anomaly topology: alert keeping, each spike kind's rules,
 * staleness, and the partitions of the incident repartition topics (default 6, the design's
 * partition count).
 */
public record AnomalyRules(
    AlertRules alerts,
    SpikeRules attestationSpike,
    SpikeRules rejectionSpike,
    SpikeRules flashSpike,
    StaleRules stale,
    int incidentPartitions) {
  public static final String ATTESTATION_SPIKE_PREFIX = "sealtrail.anomaly.attestation-spike.";
  public static final String INCIDENT_PARTITIONS_KEY = "sealtrail.anomaly.incident-partitions";
  public static final String REJECTION_SPIKE_PREFIX = "sealtrail.anomaly.rejection-spike.";
  public static final String FLASH_SPIKE_PREFIX = "sealtrail.anomaly.flash-spike.";
  public static final Set<String> ATTESTATION_DIMENSIONS =
      Set.of("site", "station", "firmware", "lot", "supplier");
  public static final Set<String> REJECTION_DIMENSIONS =
      Set.of("partner", "key", "site", "eventType");
  public static final Set<String> FLASH_DIMENSIONS = Set.of("station", "operator", "product");

  private static void known(String kind, SpikeRules rules, Set<String> known) {
    if (!known.containsAll(rules.dimensions())) {
      throw new IllegalArgumentException(
          kind + "-spike dimensions " + rules.dimensions() + " must be among " + known);
    }
  }

  public AnomalyRules {
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(attestationSpike, "attestationSpike");
    Objects.requireNonNull(rejectionSpike, "rejectionSpike");
    Objects.requireNonNull(flashSpike, "flashSpike");
    Objects.requireNonNull(stale, "stale");
    if (incidentPartitions < 1) {
      throw new IllegalArgumentException("incident partitions must be >= 1");
    }
    known("attestation", attestationSpike, ATTESTATION_DIMENSIONS);
    known("rejection", rejectionSpike, REJECTION_DIMENSIONS);
    known("flash", flashSpike, FLASH_DIMENSIONS);
  }

  /** The settings with the default rules for firmware flash spikes. */
  public AnomalyRules(
      AlertRules alerts,
      SpikeRules attestationSpike,
      SpikeRules rejectionSpike,
      StaleRules stale,
      int incidentPartitions) {
    this(
        alerts, attestationSpike, rejectionSpike, SpikeRules.defaults(), stale, incidentPartitions);
  }

  public static AnomalyRules defaults() {
    return new AnomalyRules(
        AlertRules.defaults(),
        SpikeRules.defaults(),
        SpikeRules.defaults(),
        StaleRules.defaults(),
        6);
  }

  public static AnomalyRules from(Map<String, String> flat) {
    return new AnomalyRules(
        AlertRules.from(flat),
        SpikeRules.from(flat, ATTESTATION_SPIKE_PREFIX),
        SpikeRules.from(flat, REJECTION_SPIKE_PREFIX),
        SpikeRules.from(flat, FLASH_SPIKE_PREFIX),
        StaleRules.from(flat),
        // Occurrences and commands are repartitioned alike, so one incident's meet in one task.
        Integer.parseInt(flat.getOrDefault(INCIDENT_PARTITIONS_KEY, "6")));
  }

  // A failing fleet may mean tampered firmware or parts: high, like a single failed attestation.
  public SpikeKind attestationSpikeKind() {
    return new SpikeKind(
        "attestation",
        AlertType.ATTESTATION_FAILURE_SPIKE,
        Severity.HIGH,
        "failed attestations",
        attestationSpike,
        alerts.maxEvidence());
  }

  // Rejections are refused already, so a spike is a campaign to look into, not a breach.
  public SpikeKind rejectionSpikeKind() {
    return new SpikeKind(
        "rejection",
        AlertType.REJECTION_SPIKE,
        Severity.MEDIUM,
        "rejections",
        rejectionSpike,
        alerts.maxEvidence());
  }

  // Flashing is an authorised step, but a burst of it at one station, by one operator or of one
  // product is how a mass implant or an unplanned update campaign looks: high, like a failing
  // fleet.
  public SpikeKind flashSpikeKind() {
    return new SpikeKind(
        "flash",
        AlertType.FLASH_SPIKE,
        Severity.HIGH,
        "firmware flashes",
        flashSpike,
        alerts.maxEvidence());
  }

  /** Every spike kind, as the spike chart routes list them. */
  public java.util.List<SpikeKind> spikeKinds() {
    return java.util.List.of(attestationSpikeKind(), rejectionSpikeKind(), flashSpikeKind());
  }
}
