package io.sealtrail.trust.partner;

/** Whether a registered key may sign a submission received at a given instant. */
public enum KeyStanding {
  IN_FORCE,
  NOT_YET_VALID,
  EXPIRED,
  REVOKED;

  public boolean inForce() {
    return this == IN_FORCE;
  }
}
