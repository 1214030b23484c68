package io.sealtrail.custody.lineage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads the lineage stores, whose keys are an owner (a lot, a component serial, a supplier), a
 * newline and what it links to. {@link #links} pages through an owner's links a batch at a time,
 * each batch from a fresh store iterator: a lot of 100,000 devices is read as it is sent, and no
 * store iterator stays open while a slow client reads (a rebalance closes stores under them).
 */
public final class Lineage {
  static final String SEPARATOR = "\n";
  // The character after the separator: every key of an owner sorts below owner + this.
  private static final String AFTER_SEPARATOR = "\u000b";
  private static final int BATCH = 1_000;

  /** One link of an owner: the serial (or lot) it links to and what that took from it. */
  public record Link(String serial, String parts) {}

  private Lineage() {}

  static String key(String owner, String linked) {
    return owner + SEPARATOR + linked;
  }

  /** Every link of {@code owner} in {@code store}, in key order, read lazily in batches. */
  public static Iterator<Link> links(ReadOnlyKeyValueStore<String, String> store, String owner) {
    return new Paged(store, owner);
  }

  /** Every link of {@code owner} in {@code store}, in key order: for owners with few links. */
  public static List<Link> all(ReadOnlyKeyValueStore<String, String> store, String owner) {
    List<Link> all = new ArrayList<>();
    links(store, owner).forEachRemaining(all::add);
    return all;
  }

  /** Whether {@code owner} has links in {@code store}, where owners are marked (point key). */
  public static boolean marked(ReadOnlyKeyValueStore<String, String> store, String owner) {
    return store.get(owner) != null;
  }

  /** Whether {@code owner} links to {@code linked} in {@code store}. */
  public static boolean linked(
      ReadOnlyKeyValueStore<String, String> store, String owner, String linked) {
    return store.get(key(owner, linked)) != null;
  }

  private static final class Paged implements Iterator<Link> {
    private final ReadOnlyKeyValueStore<String, String> store;
    private final String prefix;
    private final String end;
    private String from;
    private boolean fromIncluded = true;
    private Iterator<Link> batch = List.<Link>of().iterator();
    private boolean exhausted;

    Paged(ReadOnlyKeyValueStore<String, String> store, String owner) {
      this.store = store;
      this.prefix = owner + SEPARATOR;
      this.end = owner + AFTER_SEPARATOR;
      this.from = prefix;
    }

    @Override
    public boolean hasNext() {
      if (!batch.hasNext() && !exhausted) {
        batch = nextBatch().iterator();
      }
      return batch.hasNext();
    }

    @Override
    public Link next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return batch.next();
    }

    private List<Link> nextBatch() {
      List<Link> links = new ArrayList<>(BATCH);
      try (KeyValueIterator<String, String> range = store.range(from, end)) {
        while (range.hasNext() && links.size() < BATCH) {
          var kv = range.next();
          if (!fromIncluded && kv.key.equals(from)) {
            continue;
          }
          if (kv.key.startsWith(prefix)) {
            links.add(new Link(kv.key.substring(prefix.length()), kv.value));
          }
          from = kv.key;
        }
        exhausted = !range.hasNext();
      }
      fromIncluded = false;
      return links;
    }
  }
}
