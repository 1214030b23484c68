package io.sealtrail.registry.core;

import java.util.Locale;

/**
 * Confluent's registry modes: READWRITE (default), READONLY and READONLY_OVERRIDE refuse writes,
 * IMPORT accepts schemas with explicit ids and versions (to seed a registry with another's ids) and
 * skips compatibility checks.
 */
public enum Mode {
  READWRITE,
  READONLY,
  READONLY_OVERRIDE,
  IMPORT;

  /** Parses a mode case-insensitively; anything else answers 42204. */
  public static Mode parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new SchemaRegistryException(
          422,
          42204,
          "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE and IMPORT.");
    }
  }

  boolean refusesWrites() {
    return this == READONLY || this == READONLY_OVERRIDE;
  }
}
