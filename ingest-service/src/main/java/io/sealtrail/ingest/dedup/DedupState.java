package io.sealtrail.ingest.dedup;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The accepted events of the submission partitions this instance owns, one map per partition,
 * bounded by the dedup window. Entries are kept in arrival order, so expiry only looks at the
 * oldest. Confined to the verifier thread.
 */
public final class DedupState {
  private final Map<Integer, LinkedHashMap<String, DedupEntry>> partitions = new HashMap<>();

  public Optional<DedupEntry> find(int partition, String key) {
    return Optional.ofNullable(partitions.get(partition)).map(entries -> entries.get(key));
  }

  /** Remembers an accepted event; the first entry for a key stands. */
  public void put(int partition, String key, DedupEntry entry) {
    partitions.computeIfAbsent(partition, p -> new LinkedHashMap<>()).putIfAbsent(key, entry);
  }

  /** Starts owning {@code partition} with nothing known yet. */
  public void own(int partition) {
    partitions.put(partition, new LinkedHashMap<>());
  }

  /** Forgets partitions this instance no longer owns. */
  public void drop(Collection<Integer> released) {
    released.forEach(partitions::remove);
  }

  public Set<Integer> owned() {
    return Set.copyOf(partitions.keySet());
  }

  public boolean owns(int partition) {
    return partitions.containsKey(partition);
  }

  /** Forgets events received before {@code cutoff}: older retries are outside the window. */
  public void expireBefore(Instant cutoff) {
    for (LinkedHashMap<String, DedupEntry> entries : partitions.values()) {
      Iterator<DedupEntry> oldestFirst = entries.values().iterator();
      while (oldestFirst.hasNext() && oldestFirst.next().receivedAt().isBefore(cutoff)) {
        oldestFirst.remove();
      }
    }
  }

  public int size() {
    return partitions.values().stream().mapToInt(Map::size).sum();
  }
}
