package io.sealtrail.platform.auth;

import java.util.Locale;

/** The roles a bearer token can carry; each token file is named after its role. */
public enum Role {
  ADMIN,
  SECOPS,
  RECALL,
  AUDITOR;

  /** The token file's name, e.g. {@code admin.token}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT) + ".token";
  }
}
