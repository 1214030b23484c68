package io.sealtrail.custody.detect;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.custody.event.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a detector found in one event: the alert type, a summary for people, the evidence, cohort
 * attributes, and what would still clear it within the grace ({@link Awaiting#NOTHING} when final).
 */
public record Finding(
    AlertType type,
    String summary,
    List<Evidence> evidence,
    Map<String, String> attributes,
    Awaiting awaiting) {
  public Finding {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(awaiting, "awaiting");
  }

  /** A final finding with the triggering event as its only evidence, noted with the summary. */
  public static Finding of(
      AlertType type, Observation trigger, String summary, Map<String, String> attributes) {
    return new Finding(
        type, summary, List.of(trigger.evidence(summary)), attributes, Awaiting.NOTHING);
  }

  /**
   * The same finding with {@code earlier}, when there is one, named as evidence too: the earlier
   * event it contradicts, noted with {@code note}. Each detector adds a fixed few, so evidence
   * stays bounded.
   */
  public Finding citing(Optional<Observation> earlier, String note) {
    if (earlier.isEmpty()) {
      return this;
    }
    List<Evidence> more = new ArrayList<>(evidence);
    more.add(earlier.get().evidence(note));
    return new Finding(type, summary, more, attributes, awaiting);
  }

  /** The same finding, held back until the grace ends unless {@code awaiting} arrives first. */
  public Finding unless(Awaiting awaiting) {
    return new Finding(type, summary, evidence, attributes, awaiting);
  }

  public boolean isFinal() {
    return awaiting == Awaiting.NOTHING;
  }
}
