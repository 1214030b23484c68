package io.sealtrail.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples a process's resident set size (VmRSS) every 200 ms, the first time at once, and keeps
 * every sample (peak and median).
 */
public final class RssSampler implements AutoCloseable {
  private static final long PERIOD_MS = 200;
  private final Path status;
  private final List<Long> samplesKiB = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  public RssSampler(long pid) {
    this.status = Path.of("/proc", String.valueOf(pid), "status");
    this.thread = new Thread(this::sample, "rss-" + pid);
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (running) {
      long kiB = currentKiB();
      if (kiB > 0) {
        synchronized (samplesKiB) {
          samplesKiB.add(kiB);
        }
      }
      try {
        Thread.sleep(PERIOD_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private long currentKiB() {
    try {
      return Files.readAllLines(status).stream()
          .filter(line -> line.startsWith("VmRSS:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
          .findFirst()
          .orElse(0);
    } catch (IOException e) {
      return 0; // the process ended
    }
  }

  private long[] sortedKiB() {
    synchronized (samplesKiB) {
      return samplesKiB.stream().mapToLong(Long::longValue).sorted().toArray();
    }
  }

  /** How many samples were taken so far. */
  public int count() {
    synchronized (samplesKiB) {
      return samplesKiB.size();
    }
  }

  /** The highest resident size seen so far, in MiB (0 before the first sample). */
  public double peakMiB() {
    long[] sorted = sortedKiB();
    return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1024.0;
  }

  /** The median of the samples so far, in MiB (0 before the first sample). */
  public double medianMiB() {
    long[] sorted = sortedKiB();
    if (sorted.length == 0) {
      return 0;
    }
    int middle = sorted.length / 2;
    return (sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0)
        / 1024.0;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(1_000);
  }
}
