package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.common.Evidence;
import java.util.ArrayList;
import java.util.List;

/**
 * One cohort's hits in one window: how many, and the first of them as evidence (bounded, so a flood
 * cannot grow the window store without limit).
 */
public record Tally(long count, List<Evidence> evidence) {
  public Tally {
    evidence = List.copyOf(evidence);
  }

  public static Tally empty() {
    return new Tally(0, List.of());
  }

  /** This tally with one more hit; its evidence is kept while fewer than {@code max} are. */
  public Tally add(Evidence hit, int max) {
    if (evidence.size() >= max) {
      return new Tally(count + 1, evidence);
    }
    List<Evidence> more = new ArrayList<>(evidence);
    more.add(hit);
    return new Tally(count + 1, more);
  }
}
