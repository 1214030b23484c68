package io.sealtrail.platform.env;

import java.util.Map;

/**
 * Typed values of a service's flat configuration keys, for its configuration record: an unset or
 * blank key gives the documented default, a malformed one an error that names the key.
 */
public final class FlatValues {
  private FlatValues() {}

  /** The text of {@code key}, stripped, or {@code fallback} when unset or blank. */
  public static String text(Map<String, String> flat, String key, String fallback) {
    String value = flat.get(key);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /**
   * The integer of {@code key}, or {@code fallback} when unset or blank.
   *
   * @throws IllegalArgumentException naming {@code key} when it is not an integer
   */
  public static int integer(Map<String, String> flat, String key, int fallback) {
    String value = text(flat, key, null);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + value + "'", e);
    }
  }
}
