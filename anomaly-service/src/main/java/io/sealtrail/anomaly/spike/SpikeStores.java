package io.sealtrail.anomaly.spike;

/**
 * The names of one spike kind's stores, for the topology and for the queries that read them:
 * windowed tallies, cohort baselines, judged-window series and spikes waiting to be folded. The
 * names also name the changelog topics, so they never change.
 */
public final class SpikeStores {
  private SpikeStores() {}

  /** Windowed cohort → {@link Tally}: the running and recent window counts. */
  public static String tallies(SpikeKind kind) {
    return kind.named("tallies-store");
  }

  /**
   * Window end → the spiking cohorts' alerts still waiting to be folded, see {@link SpikeWindows}.
   */
  public static String pending(SpikeKind kind) {
    return kind.named("pending-store");
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
