package io.sealtrail.cli.demo;

import io.sealtrail.avro.common.AlertType;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One tampering case the demo injects: what it is, the alert that must follow (type and subject as
 * the alert names it), its change to the supply chain, and the other alerts it explains: a burst
 * spikes in every cohort it falls in (site, firmware, lots, supplier; key and site of a forger),
 * each device of an attestation-failure burst fails on its own too, and a carton substituted into
 * another pallet's receipt scan may be suspected a clone.
 *
 * @param trigger the event whose submission starts the clock to the alert
 * @param otherCohorts the subjects of the same alert type the case also raises
 * @param consequences alerts of other types the case explains
 */
public record InjectedCase(
    String name,
    AlertType expected,
    String subject,
    Twist twist,
    String trigger,
    Set<String> otherCohorts,
    Set<Consequence> consequences) {
  /** An alert of {@code type} for {@code subject} that follows from a case besides its own. */
  public record Consequence(AlertType type, String subject) {
    public Consequence {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(subject, "subject");
    }
  }

  public InjectedCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(twist, "twist");
    Objects.requireNonNull(trigger, "trigger");
    otherCohorts = Set.copyOf(otherCohorts);
    consequences = Set.copyOf(consequences);
  }

  InjectedCase(String name, AlertType expected, String subject, Twist twist, String trigger) {
    this(name, expected, subject, twist, trigger, Set.of(), Set.of());
  }

  /** This case explaining {@code consequence} as well. */
  InjectedCase alsoExplaining(Consequence consequence) {
    Set<Consequence> more = new HashSet<>(consequences);
    more.add(consequence);
    return new InjectedCase(name, expected, subject, twist, trigger, otherCohorts, more);
  }

  /**
   * Whether {@code type} raised for {@code subjects} (an alert's subject and the cohorts folded
   * into it) is this case's alert or one it explains: every one of them must be the case's.
   */
  public boolean explains(AlertType type, Set<String> subjects) {
    return subjects.stream().allMatch(s -> explains(type, s));
  }

  /** Whether an alert for {@code subjects} detects this case: it names the case's subject. */
  public boolean detectedBy(AlertType type, Set<String> subjects) {
    return type == expected && subjects.contains(subject) && explains(type, subjects);
  }

  private boolean explains(AlertType type, String alertSubject) {
    return (type == expected
            && (subject.equals(alertSubject) || otherCohorts.contains(alertSubject)))
        || consequences.contains(new Consequence(type, alertSubject));
  }
}
