package io.sealtrail.registry.core;

import java.util.List;
import java.util.Optional;

/**
 * A version as given in a path: a number from 1, or {@code latest} / {@code -1}. Anything else
 * answers 42202.
 */
public record VersionSpec(Optional<Integer> number) {
  public static final VersionSpec LATEST = new VersionSpec(Optional.empty());

  public static VersionSpec parse(String text) {
    if ("latest".equals(text)) {
      return LATEST;
    }
    try {
      int number = Integer.parseInt(text);
      if (number == -1) {
        return LATEST;
      }
      if (number >= 1) {
        return new VersionSpec(Optional.of(number));
      }
    } catch (NumberFormatException e) {
      // Falls through to Confluent's "invalid version" answer, which names the text.
    }
    throw Errors.invalidVersion(text);
  }

  public boolean isLatest() {
    return number.isEmpty();
  }

  /** Picks this version among the given ones (oldest first); 40402 when it is not there. */
  public SchemaVersion pick(List<SchemaVersion> versions) {
    if (isLatest()) {
      return versions.get(versions.size() - 1);
    }
    int wanted = number.get();
    return versions.stream()
        .filter(v -> v.version() == wanted)
        .findFirst()
        .orElseThrow(() -> Errors.versionNotFound(wanted));
  }
}
