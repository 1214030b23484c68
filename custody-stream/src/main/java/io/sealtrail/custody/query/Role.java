package io.sealtrail.custody.query;

import java.util.Locale;

/** The roles a bearer token can carry; each token file is named after its role. */
public enum Role {
  ADMIN,
  SECOPS,
  RECALL,
  AUDITOR;

  /** The token file's name, e.g. {@code recall.token}. */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT) + ".token";
  }
}
