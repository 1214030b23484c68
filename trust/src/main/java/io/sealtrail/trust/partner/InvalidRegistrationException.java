package io.sealtrail.trust.partner;

/**
 * A partner registration that cannot be applied, e.g. a key whose keyId does not match its bytes.
 */
public final class InvalidRegistrationException extends IllegalArgumentException {
  private final String partnerId;

  public InvalidRegistrationException(String partnerId, String message) {
    super("partner " + partnerId + ": " + message);
    this.partnerId = partnerId;
  }

  public String partnerId() {
    return partnerId;
  }
}
