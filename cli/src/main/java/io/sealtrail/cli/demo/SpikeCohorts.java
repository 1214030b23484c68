package io.sealtrail.cli.demo;

import io.sealtrail.avro.alert.Alert;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The subjects one alert speaks for: its own, and for a spike folded into one alert per incident
 * the other cohorts it names in {@code alsoSpiking} ({@code dimension:value,...}). Matching on
 * these makes the demo hold whether the anomaly service raises one alert per cohort or per spike.
 */
final class SpikeCohorts {
  static final String ALSO_SPIKING = "alsoSpiking";

  private SpikeCohorts() {}

  /** The alert's subject id first, then each folded cohort's value. */
  static Set<String> of(Alert alert) {
    return of(alert.getSubject().getId(), alert.getAttributes());
  }

  static Set<String> of(String subject, Map<String, String> attributes) {
    Set<String> subjects = new LinkedHashSet<>();
    subjects.add(subject);
    String folded = attributes.getOrDefault(ALSO_SPIKING, "");
    for (String cohort : folded.split(",")) {
      if (!cohort.isBlank()) {
        subjects.add(cohort.substring(cohort.indexOf(':') + 1).strip());
      }
    }
    return subjects;
  }
}
