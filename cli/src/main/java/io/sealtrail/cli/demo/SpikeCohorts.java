package io.sealtrail.cli.demo;

import io.sealtrail.anomaly.spike.Cohort;
import io.sealtrail.avro.alert.Alert;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The subjects one alert speaks for: its own, and for a spike folded into one alert per incident
 * the other cohorts it names in {@code alsoSpiking} ({@code dimension:value,...}), each as its own
 * alert's subject id. Matching on these makes the demo hold whether the anomaly service raises one
 * alert per cohort or per spike.
 */
final class SpikeCohorts {
  static final String ALSO_SPIKING = "alsoSpiking";

  private SpikeCohorts() {}

  /** The alert's subject id first, then each folded cohort's subject id. */
  static Set<String> of(Alert alert) {
    return of(alert.getSubject().getId(), alert.getAttributes());
  }

  static Set<String> of(String subject, Map<String, String> attributes) {
    Set<String> subjects = new LinkedHashSet<>();
    subjects.add(subject);
    String folded = attributes.getOrDefault(ALSO_SPIKING, "");
    for (String cohort : folded.split(",")) {
      int colon = cohort.indexOf(':');
      if (colon > 0) {
        // Named as the cohort's own alert would name its subject: "site-1", "lot=LOT-1".
        String dimension = cohort.substring(0, colon).strip();
        subjects.add(new Cohort(dimension, cohort.substring(colon + 1).strip()).subjectId());
      }
    }
    return subjects;
  }
}
