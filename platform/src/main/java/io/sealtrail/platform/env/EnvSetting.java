package io.sealtrail.platform.env;

import java.util.Locale;
import java.util.Objects;

/**
 * One setting a service reads from its environment: the variable, the flat configuration key it
 * sets, and whether a deployment must set it. A setting left unset falls back to the default the
 * service's own configuration class documents, so defaults live in one place.
 *
 * @param variable the environment variable, e.g. {@code BOOTSTRAP_SERVERS}
 * @param key the flat configuration key it sets, e.g. {@code bootstrap.servers}
 * @param required true when the service has no default a deployment could live with
 */
public record EnvSetting(String variable, String key, boolean required) {
  public EnvSetting {
    Objects.requireNonNull(variable, "variable");
    Objects.requireNonNull(key, "key");
  }

  /** An optional setting whose variable is {@code key} upper-cased, dots and dashes as '_'. */
  public static EnvSetting optional(String key) {
    return new EnvSetting(variableOf(key), key, false);
  }

  /** A setting every deployment must give. */
  public static EnvSetting required(String key) {
    return new EnvSetting(variableOf(key), key, true);
  }

  static String variableOf(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
