package io.sealtrail.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;

/** A one-line progress bar on a terminal stream, redrawn in place: {@code [#####.....] 50% ...}. */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final String label;
  private final long total;
  private final boolean rate;
  private final long started = System.nanoTime();

  /** A bar counting {@code total} things; {@code rate} adds how many per second. */
  ProgressBar(PrintWriter out, String label, long total, boolean rate) {
    this.out = out;
    this.label = label;
    this.total = Math.max(1, total);
    this.rate = rate;
  }

  void show(long done, String note) {
    int filled = (int) (WIDTH * Math.min(done, total) / total);
    double seconds =
        Math.max(0.001, Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
    out.printf(
        "\r%-10s [%s%s] %3d%% %,d/%,d%s  %s",
        label,
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        100 * Math.min(done, total) / total,
        done,
        total,
        rate ? String.format("  %,.0f/s", done / seconds) : "",
        note);
    out.flush();
  }

  void finish(String note) {
    show(total, note);
    out.println();
    out.flush();
  }
}
