package io.sealtrail.custody.detect;

import java.time.Duration;
import java.util.Objects;

/**
 * How long, on the wall clock, the time-based detections that wait on another partition hold a
 * finding at least before event time may decide it: what a producer's batch or a replay may still
 * deliver out of order that no watermark sees. An idle partition's watermark says it has nothing
 * left to process, not that nothing is on its way to it. Configuration ({@code
 * sealtrail.custody.provenance-settle}, {@code sealtrail.custody.shipment-settle}, {@code
 * sealtrail.custody.release-settle}, {@code sealtrail.custody.report-settle}) so a short story,
 * such as the demo's test, need not wait the live defaults; a shorter settle decides a replayed
 * batch sooner, never anything live differently (live, the grace is longer).
 *
 * @param provenance an assembly naming a lot not yet received (UNVERIFIED_COMPONENT), default
 *     {@link #DEFAULT_PROVENANCE}
 * @param shipment a shipping seen already past its deadline (SHIPMENT_OVERDUE), default {@link
 *     #DEFAULT_SHIPMENT}
 * @param release a flash or attestation judged against its product's releases and withdrawals,
 *     which the product's partition reports (UNAUTHORIZED_FIRMWARE, MEASUREMENT_MISMATCH), default
 *     {@link #DEFAULT_RELEASE}
 * @param report a finding that another partner's report about the same serial clears: a serial in a
 *     container never born on its own (UNKNOWN_SERIAL), a receipt before its shipping
 *     (INVALID_TRANSITION), default {@link #DEFAULT_REPORT}
 */
public record Settles(Duration provenance, Duration shipment, Duration release, Duration report) {
  /**
   * A producer's events about other serials, on other partitions, may reach the provenance task
   * that much later than their order says (ingest writes a batch in no particular order; the demo's
   * batches of 500 took some 20 s on a loaded machine).
   */
  public static final Duration DEFAULT_PROVENANCE = Duration.ofSeconds(60);

  /**
   * A replay, a backfill or a partner's batch upload (the demo sends four batches at once) can
   * carry a partition's stream time days past a deadline while the receipt, sent moments after its
   * shipping, is still on its way.
   */
  public static final Duration DEFAULT_SHIPMENT = Duration.ofMinutes(2);

  /**
   * A withdrawal sent with the flashes after it may reach the product's partition after the flash's
   * partition has passed the flash + grace in event time (ingest writes a batch in no particular
   * order), while the product's partition, idle until then, holds no one back: the demo's flash of
   * a withdrawn release was missed so on a loaded machine. The same bound as provenance's.
   */
  public static final Duration DEFAULT_RELEASE = DEFAULT_PROVENANCE;

  /**
   * Ingest keeps one partner's order, not the order of different partners' events sent together:
   * each partner's are verified on its own submissions partition. A dock's receipt of a carton and
   * the supplier's assembly of a serial in it, sent in one batch, may reach the serial's partition
   * in either order, and the receipt's batch may carry stream time past its grace first: the
   * 3,000-device demo raised 29 false UNKNOWN_SERIALs so. The same bound as provenance's.
   */
  public static final Duration DEFAULT_REPORT = DEFAULT_PROVENANCE;

  public Settles {
    requireNonNegative(provenance, "provenance settle");
    requireNonNegative(shipment, "shipment settle");
    requireNonNegative(release, "release settle");
    requireNonNegative(report, "report settle");
  }

  public static Settles defaults() {
    return new Settles(DEFAULT_PROVENANCE, DEFAULT_SHIPMENT, DEFAULT_RELEASE, DEFAULT_REPORT);
  }

  private static void requireNonNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + duration);
    }
  }
}
