package io.sealtrail.anomaly.spike;

/**
 * The names of one spike kind's stores, for the topology and for the queries that read them:
 * windowed tallies, cohort baselines, judged-window series and spikes waiting to be folded. The
 * names also name the changelog topics, so they never change.
 */
public final class SpikeStores {
  private SpikeStores() {}

  /**
   * Window end and cohort → {@link OpenWindow}: the tally of each window not judged yet and when
   * its last hit arrived. Replaces the windowed {@code tallies-store} (and the suppression buffer)
   * of the stream-time-only windows: windows open at an upgrade are judged from what arrives after
   * it.
   */
  public static String open(SpikeKind kind) {
    return kind.named("open-windows-store");
  }

  /**
   * Window end → the spiking cohorts' alerts still waiting to be folded and when the first arrived,
   * see {@link SpikeWindows} and {@link PendingWindow}. Not {@code pending-store}: that held a bare
   * list, which this format cannot read.
   */
  public static String pending(SpikeKind kind) {
    return kind.named("pending-windows-store");
  }

  /**
   * Window end and incident → the spikes folded into that incident, the raised one first, kept for
   * {@link SpikeRules#foldedRetention()} so that late spikes of the window can join it.
   */
  public static String folded(SpikeKind kind) {
    return kind.named("folded-store");
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
