package io.sealtrail.anomaly.stale;

/**
 * What the stale check knows of one serial: its product, whether it is in service, when it last
 * attested (or was commissioned), and whether it is already reported overdue.
 */
public record Watch(String product, boolean inService, long lastHeardMillis, boolean reported) {
  public static Watch none() {
    return new Watch(null, false, 0, false);
  }

  public Watch assembled(String product) {
    return new Watch(product, inService, lastHeardMillis, reported);
  }

  /** Commissioned at {@code at}: watched from now on, its clock starting then at the latest. */
  public Watch commissionedAt(long at) {
    return new Watch(product, true, Math.max(lastHeardMillis, at), false);
  }

  /**
   * Attested at {@code at}: the clock restarts and it may be reported again. Whether it is watched
   * does not change: a factory test before commissioning, or an attestation after decommissioning,
   * does not put a device in service.
   */
  public Watch attestedAt(long at) {
    return new Watch(product, inService, Math.max(lastHeardMillis, at), false);
  }

  public Watch decommissioned() {
    return new Watch(product, false, lastHeardMillis, reported);
  }

  public Watch reportedOverdue() {
    return new Watch(product, inService, lastHeardMillis, true);
  }

  /** Whether it is in service, not yet reported, and silent for longer than its interval. */
  public boolean isOverdue(long now, StaleRules rules) {
    return inService && !reported && now - lastHeardMillis > rules.intervalFor(product).toMillis();
  }

  /** {@code product|inService|lastHeard|reported}, the store's value. */
  public String format() {
    return (product == null ? "" : product)
        + "|"
        + inService
        + "|"
        + lastHeardMillis
        + "|"
        + reported;
  }

  public static Watch parse(String stored) {
    if (stored == null) {
      return none();
    }
    String[] f = stored.split("\\|", -1);
    return new Watch(
        f[0].isEmpty() ? null : f[0],
        Boolean.parseBoolean(f[1]),
        Long.parseLong(f[2]),
        Boolean.parseBoolean(f[3]));
  }
}
