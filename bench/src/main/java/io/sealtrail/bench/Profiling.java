package io.sealtrail.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Profiles the one scenario or phase {@code --profile} names (a scenario, or a phase inside one
 * such as {@code lot-trace}), and runs everything else as it is. The flame graph goes to {@link
 * #DIR}, a build output: profiles are made when needed, never committed.
 */
public final class Profiling {
  /** Where flame graphs are written, {@code <name>-<event>.html}, relative to the repository. */
  public static final Path DIR = Path.of("target", "profiles");

  private final String target;
  private final String event;
  private final Path workDir;

  /** {@code target} null: nothing is profiled; {@code event}: cpu, wall or alloc. */
  public Profiling(String target, String event, Path workDir) {
    this.target = target;
    this.event = event;
    this.workDir = workDir;
  }

  public <T> T around(String name, Callable<T> work) throws Exception {
    if (!name.equals(target)) {
      return work.call();
    }
    ScenarioProfiler profiler = ScenarioProfiler.load(workDir);
    profiler.start(event);
    try {
      return work.call();
    } finally {
      profiler.stop(DIR.resolve(name + "-" + event + ".html"));
    }
  }
}
