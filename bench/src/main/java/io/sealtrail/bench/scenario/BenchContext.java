package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Profiling;
import io.sealtrail.bench.kafka.BenchCluster;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the scenarios share: the broker, the run's size, and figures a later scenario compares with
 * (the signature ceiling is the baseline of ingest).
 */
public final class BenchContext {
  private final BenchCluster cluster;
  private final Scale scale;
  private final Map<String, Object> shared = new ConcurrentHashMap<>();
  private final AtomicInteger names = new AtomicInteger();
  private final Profiling profiling;
  private final List<String> notes = new CopyOnWriteArrayList<>();

  public BenchContext(BenchCluster cluster, Scale scale, Profiling profiling) {
    this.cluster = cluster;
    this.scale = scale;
    this.profiling = profiling;
  }

  /** Wraps a phase that {@code --profile} may name. */
  public Profiling profiling() {
    return profiling;
  }

  public BenchCluster cluster() {
    return cluster;
  }

  public Scale scale() {
    return scale;
  }

  /** A topic or application id no earlier scenario used: {@code b<n>.<what>}. */
  public String fresh(String what) {
    return "b" + names.incrementAndGet() + "." + what;
  }

  /** Keeps a figure or a topic name for the scenarios after this one. */
  public void remember(String key, Object value) {
    shared.put(key, value);
  }

  /** Adds Markdown printed under the results table (e.g. a per-step table). */
  public void note(String markdown) {
    notes.add(markdown);
  }

  /** The notes added so far, in order. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** What an earlier scenario remembered under {@code key}, if it ran. */
  public <T> java.util.Optional<T> recalled(String key, Class<T> type) {
    return java.util.Optional.ofNullable(shared.get(key)).map(type::cast);
  }
}
