package io.sealtrail.anomaly.spike;

/**
 * The names of one spike kind's stores, for the topology and for the queries that read them:
 * windowed tallies, cohort baselines, and judged-window series. The names also name the changelog
 * topics, so they never change.
 */
public final class SpikeStores {
  private SpikeStores() {}

  /** Windowed cohort → {@link Tally}: the running and recent window counts. */
  public static String tallies(SpikeKind kind) {
    return kind.named("tallies-store");
  }

  /** Cohort → {@link Baseline#format()}. */
  public static String baselines(SpikeKind kind) {
    return kind.named("baselines-store");
  }

  /** Cohort → its last judged windows, see {@link SeriesWindow#append}. */
  public static String series(SpikeKind kind) {
    return kind.named("series-store");
  }
}
