package io.sealtrail.custody.detect;

import io.sealtrail.custody.event.Observation;
import io.sealtrail.custody.state.Contents;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Clears a held MANIFEST_MISMATCH for serials a partial unpacking left out: a later event of the
 * same container that names every one of them (a further unpacking, or a manifest or receipt scan
 * showing them still inside) accounts for them.
 */
public record Accounting(Set<String> serials) implements Awaiting {
  static final String KIND = "accounting";
  static final String SERIALS = "awaiting.serials";

  public Accounting {
    serials = Set.copyOf(serials);
  }

  static Accounting from(Map<String, String> attributes) {
    return new Accounting(Set.of(attributes.get(SERIALS).split(",")));
  }

  @Override
  public boolean metBy(Observation event) {
    return Contents.named(event).containsAll(serials);
  }

  @Override
  public boolean looksAhead() {
    return true;
  }

  @Override
  public Map<String, String> attributes() {
    return Map.of(KEY, KIND, SERIALS, String.join(",", new TreeSet<>(serials)));
  }
}
