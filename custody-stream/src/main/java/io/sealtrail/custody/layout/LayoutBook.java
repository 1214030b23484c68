package io.sealtrail.custody.layout;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layouts as {@link LayoutStore} keeps them, read at decision time. A product's record is
 * parsed once per change ({@code cache}: the same text is the same layouts), so judging every
 * device event does not parse JSON again.
 */
public final class LayoutBook {
  private static final Logger LOG = LoggerFactory.getLogger(LayoutBook.class);

  private final ReadOnlyKeyValueStore<String, String> store;
  private final Map<String, Parsed> cache = new HashMap<>();

  public LayoutBook(ReadOnlyKeyValueStore<String, String> store) {
    this.store = store;
  }

  /** Every kept version of {@code product}'s layout; none when it has no layout of its own. */
  public LayoutHistory of(String product) {
    String text = store.get(product);
    if (text == null) {
      cache.remove(product);
      return LayoutHistory.none(product);
    }
    Parsed parsed = cache.get(product);
    if (parsed == null || !parsed.text().equals(text)) {
      parsed = new Parsed(text, parse(product, text));
      cache.put(product, parsed);
    }
    return parsed.history();
  }

  private static LayoutHistory parse(String product, String text) {
    try {
      return LayoutJson.history(text);
    } catch (RuntimeException e) {
      // Only the layouts API writes the topic, and it validates; a record it did not write is
      // not enforced, and said so, rather than stopping every custody task.
      LOG.warn(
          "layouts of {} on the layouts topic are unreadable, not enforced: {}",
          product,
          e.toString());
      return LayoutHistory.none(product);
    }
  }

  private record Parsed(String text, LayoutHistory history) {}
}
