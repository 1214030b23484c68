package io.sealtrail.anomaly.stale;

/**
 * What the stale check knows of one serial: its product, whether it is in service, when it last
 * attested (or was commissioned) by the event's time and when that news arrived by the wall clock,
 * and whether it is already reported overdue.
 */
public record Watch(
    String product,
    boolean inService,
    long lastHeardMillis,
    boolean reported,
    long lastArrivalMillis) {
  public static Watch none() {
    return new Watch(null, false, 0, false, 0);
  }

  public Watch assembled(String product) {
    return new Watch(product, inService, lastHeardMillis, reported, lastArrivalMillis);
  }

  /**
   * Commissioned at {@code at}, the event arriving at wall-clock {@code arrived}: watched from now
   * on, its clock starting then at the latest.
   */
  public Watch commissionedAt(long at, long arrived) {
    return new Watch(
        product, true, Math.max(lastHeardMillis, at), false, Math.max(lastArrivalMillis, arrived));
  }

  /**
   * Attested at {@code at}, arriving at wall-clock {@code arrived}: the clock restarts and it may
   * be reported again. Whether it is watched does not change: a factory test before commissioning,
   * or an attestation after decommissioning, does not put a device in service.
   */
  public Watch attestedAt(long at, long arrived) {
    return new Watch(
        product,
        inService,
        Math.max(lastHeardMillis, at),
        false,
        Math.max(lastArrivalMillis, arrived));
  }

  public Watch decommissioned() {
    return new Watch(product, false, lastHeardMillis, reported, lastArrivalMillis);
  }

  public Watch reportedOverdue() {
    return new Watch(product, inService, lastHeardMillis, true, lastArrivalMillis);
  }

  /**
   * Whether it is in service, not yet reported, and silent for longer than its interval: by stream
   * time since its last attestation's time ({@code streamNow}; a replay reports the same devices at
   * the same points), or by the wall clock since that attestation arrived ({@code wallNow}; live,
   * with no more traffic to move stream time).
   */
  public boolean isOverdue(long streamNow, long wallNow, StaleRules rules) {
    return inService
        && !reported
        && (silentOnStreamTime(streamNow, rules) || wallNow - lastArrivalMillis > interval(rules));
  }

  /** Whether it is overdue by stream time alone, see {@link #isOverdue}. */
  public boolean silentOnStreamTime(long streamNow, StaleRules rules) {
    return streamNow - lastHeardMillis > interval(rules);
  }

  private long interval(StaleRules rules) {
    return rules.intervalFor(product).toMillis();
  }

  /**
   * {@code product|inService|lastHeard|reported|lastArrival}, the store's value; a value written
   * before arrivals were kept has four fields and reads the arrival as the attestation's time.
   */
  public String format() {
    return (product == null ? "" : product)
        + "|"
        + inService
        + "|"
        + lastHeardMillis
        + "|"
        + reported
        + "|"
        + lastArrivalMillis;
  }

  public static Watch parse(String stored) {
    if (stored == null) {
      return none();
    }
    String[] f = stored.split("\\|", -1);
    long lastHeard = Long.parseLong(f[2]);
    return new Watch(
        f[0].isEmpty() ? null : f[0],
        Boolean.parseBoolean(f[1]),
        lastHeard,
        Boolean.parseBoolean(f[3]),
        f.length > 4 ? Long.parseLong(f[4]) : lastHeard);
  }
}
