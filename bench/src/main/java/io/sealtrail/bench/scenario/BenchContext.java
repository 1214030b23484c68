package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Profiling;
import io.sealtrail.bench.kafka.BenchCluster;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  /** What an earlier scenario remembered under {@code key}, if it ran. */
  public <T> java.util.Optional<T> recalled(String key, Class<T> type) {
    return java.util.Optional.ofNullable(shared.get(key)).map(type::cast);
  }
}
