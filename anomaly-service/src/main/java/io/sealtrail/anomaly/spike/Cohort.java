package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.alert.AlertSubject;
import io.sealtrail.avro.alert.SubjectKind;
import java.util.List;
import java.util.Objects;

/**
 * A group whose events are counted together, written {@code dimension=value} (e.g. {@code
 * station=ST-4}, {@code partner=acme}); it is the record key of the windowed counts.
 */
public record Cohort(String dimension, String value) {
  public Cohort {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(value, "value");
  }

  public static Cohort parse(String key) {
    int eq = key.indexOf('=');
    return new Cohort(key.substring(0, eq), key.substring(eq + 1));
  }

  /** The cohort a spike alert is about, the inverse of {@link #kind()} and {@link #subjectId()}. */
  public static Cohort of(AlertSubject subject) {
    switch (subject.getKind()) {
      case PARTNER:
        return new Cohort("partner", subject.getId());
      case KEY:
        return new Cohort("key", subject.getId());
      case SITE:
        return new Cohort("site", subject.getId());
      default:
        return parse(subject.getId());
    }
  }

  /**
   * Adds the cohort {@code dimension=value} to {@code cohorts} when it has a value and is counted.
   */
  public static void addCounted(
      List<Cohort> cohorts, SpikeRules rules, String dimension, String value) {
    if (value != null && rules.counts(dimension)) {
      cohorts.add(new Cohort(dimension, value));
    }
  }

  public String key() {
    return dimension + "=" + value;
  }

  /** The alert subject kind: partners, keys and sites are their own kinds, the rest cohorts. */
  public SubjectKind kind() {
    switch (dimension) {
      case "partner":
        return SubjectKind.PARTNER;
      case "key":
        return SubjectKind.KEY;
      case "site":
        return SubjectKind.SITE;
      default:
        return SubjectKind.COHORT;
    }
  }

  /** The alert subject id: the bare value for partners, keys and sites, else the whole key. */
  public String subjectId() {
    return kind() == SubjectKind.COHORT ? key() : value;
  }
}
