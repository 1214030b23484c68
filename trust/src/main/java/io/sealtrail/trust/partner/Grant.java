package io.sealtrail.trust.partner;

import java.time.Instant;
import java.util.Objects;

/**
 * A role or a site granted to a partner for a period only. Like a key's validity it is compared
 * with the submission's receipt, never with the time the event claims.
 *
 * @param name the role or the site
 * @param notBefore first instant of the grant, or null for no lower bound
 * @param notAfter last instant of the grant, or null for no upper bound
 */
public record Grant(String name, Instant notBefore, Instant notAfter) {
  public Grant {
    Objects.requireNonNull(name, "name");
    if (notBefore != null && notAfter != null && notAfter.isBefore(notBefore)) {
      throw new IllegalArgumentException(
          "notAfter " + notAfter + " is before notBefore " + notBefore);
    }
  }

  /** True when a submission received at {@code receivedAt} falls within the grant. */
  public boolean inForceAt(Instant receivedAt) {
    return (notBefore == null || !receivedAt.isBefore(notBefore))
        && (notAfter == null || !receivedAt.isAfter(notAfter));
  }
}
