package io.sealtrail.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Samples a process's resident set size (VmRSS) every 200 ms and keeps the peak. */
public final class RssSampler implements AutoCloseable {
  private static final long PERIOD_MS = 200;
  private final Path status;
  private final AtomicLong peakKiB = new AtomicLong();
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
      peakKiB.accumulateAndGet(currentKiB(), Math::max);
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

  /** The highest resident size seen so far, in MiB. */
  public double peakMiB() {
    return peakKiB.get() / 1024.0;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(1_000);
  }
}
