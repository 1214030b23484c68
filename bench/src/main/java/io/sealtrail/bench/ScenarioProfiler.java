package io.sealtrail.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import one.profiler.AsyncProfiler;

/**
 * async-profiler around one scenario: CPU samples of every thread of this process (services, broker
 * and load generators alike) while it runs, written as an HTML flame graph.
 */
public final class ScenarioProfiler {
  private static final String LIBRARY = "/linux-x64/libasyncProfiler.so";
  private final AsyncProfiler profiler;
  private String event;

  private ScenarioProfiler(AsyncProfiler profiler) {
    this.profiler = profiler;
  }

  /** Loads the agent shipped in the async-profiler jar (extracted to {@code dir}). */
  public static ScenarioProfiler load(Path dir) throws IOException {
    Path library = dir.resolve("libasyncProfiler.so");
    try (InputStream in = ScenarioProfiler.class.getResourceAsStream(LIBRARY)) {
      if (in == null) {
        throw new IllegalStateException("no " + LIBRARY + " on the classpath (linux-x64 only)");
      }
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
    }
    return new ScenarioProfiler(AsyncProfiler.getInstance(library.toString()));
  }

  /**
   * Starts sampling: {@code cpu} with perf events, or with a timer signal where the kernel forbids
   * perf events to this process (containers usually do); {@code wall} samples every thread, running
   * or waiting, one stack tree per thread; {@code alloc} samples allocations.
   */
  public void start(String mode) throws IOException {
    if (mode.equals("wall")) {
      profiler.execute("start,event=wall,interval=10ms,threads");
      event = "wall";
    } else if (mode.equals("alloc")) {
      profiler.execute("start,event=alloc");
      event = "alloc";
    } else {
      try {
        profiler.execute("start,event=cpu,interval=10ms");
        event = "cpu";
      } catch (IllegalStateException e) {
        profiler.execute("start,event=itimer,interval=10ms");
        event = "itimer";
      }
    }
    Progress.say("profiling (%s)", event);
  }

  /** Stops and writes the flame graph to {@code html}. */
  public void stop(Path html) throws IOException {
    Files.createDirectories(html.toAbsolutePath().getParent());
    profiler.execute(
        "stop,file=" + html.toAbsolutePath() + ",title=" + html.getFileName() + " (" + event + ")");
    Progress.say("flame graph in %s", html);
  }
}
