package io.sealtrail.bench.capacity;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * The capacity chart: submission → alert latency (p50, p99) against the offered rate, on a log
 * scale, with the 1 s limit and the raw baseline's p99. Java2D into a PNG, headless; no library.
 */
public final class LatencyChart {
  static final int WIDTH = 800;
  static final int HEIGHT = 480;
  private static final int LEFT = 80;
  private static final int RIGHT = 30;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final Color P50 = new Color(0x1f, 0x5f, 0xa8);
  private static final Color P99 = new Color(0xc0, 0x39, 0x2b);
  private static final Color RAW = new Color(0x88, 0x88, 0x88);

  private LatencyChart() {}

  /** Writes the chart of {@code pipeline} (and {@code raw}'s p99) to {@code png}. */
  public static void write(Path png, String title, Ladder pipeline, Ladder raw) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      draw(g, title, pipeline, raw);
    } finally {
      g.dispose();
    }
    if (png.getParent() != null) {
      Files.createDirectories(png.getParent());
    }
    ImageIO.write(image, "png", png.toFile());
  }

  private static void draw(Graphics2D g, String title, Ladder pipeline, Ladder raw) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    Axes axes = Axes.of(pipeline, raw);
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    g.setColor(Color.BLACK);
    g.setFont(g.getFont().deriveFont(Font.BOLD, 14f));
    g.drawString(title, LEFT, 24);
    g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
    g.drawString(pipeline.summary(), LEFT, 40);
    // Decades of ms on the y axis, a tick every round step of rate on the x axis.
    for (double ms = axes.minMs; ms <= axes.maxMs * 1.0001; ms *= 10) {
      int y = axes.y(ms, plotH);
      g.setColor(new Color(0xe6, 0xe6, 0xe6));
      g.drawLine(LEFT, y, LEFT + plotW, y);
      g.setColor(Color.DARK_GRAY);
      String label = ms >= 1000 ? f("%.0f s", ms / 1000) : f("%.0f ms", ms);
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    for (int rate = 0; rate <= axes.maxRate; rate += axes.rateTick) {
      int x = axes.x(rate, plotW);
      g.setColor(new Color(0xe6, 0xe6, 0xe6));
      g.drawLine(x, TOP, x, TOP + plotH);
      g.setColor(Color.DARK_GRAY);
      String label = f("%,d", rate);
      g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, TOP + plotH + 16);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, plotW, plotH);
    String xLabel = "offered events/s (constant rate, each step held)";
    g.drawString(xLabel, LEFT + (plotW - g.getFontMetrics().stringWidth(xLabel)) / 2, HEIGHT - 22);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString("submission → alert latency (log scale)", -(TOP + plotH - 20), 18);
    rotated.dispose();
    Stroke dashed =
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0);
    int limit = axes.y(Step.P99_LIMIT_MS, plotH);
    g.setColor(Color.BLACK);
    g.setStroke(dashed);
    g.drawLine(LEFT, limit, LEFT + plotW, limit);
    g.drawString("1 s limit (p99)", LEFT + plotW - 90, limit - 5);
    line(g, axes, raw.steps(), Step::p99Ms, RAW, dashed);
    line(g, axes, pipeline.steps(), Step::p50Ms, P50, new BasicStroke(2f));
    line(g, axes, pipeline.steps(), Step::p99Ms, P99, new BasicStroke(2f));
    legend(g, dashed);
  }

  private static void line(
      Graphics2D g, Axes axes, List<Step> steps, ToDoubleFunction<Step> ms, Color color, Stroke s) {
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    g.setColor(color);
    g.setStroke(s);
    int[] xs = steps.stream().mapToInt(step -> axes.x(step.offered(), plotW)).toArray();
    int[] ys = steps.stream().mapToInt(step -> axes.y(ms.applyAsDouble(step), plotH)).toArray();
    g.drawPolyline(xs, ys, xs.length);
    g.setStroke(new BasicStroke(1.5f));
    for (int i = 0; i < xs.length; i++) {
      if (steps.get(i).held()) {
        g.fillOval(xs[i] - 4, ys[i] - 4, 8, 8);
      } else {
        // A step not held: a cross.
        g.drawLine(xs[i] - 5, ys[i] - 5, xs[i] + 5, ys[i] + 5);
        g.drawLine(xs[i] - 5, ys[i] + 5, xs[i] + 5, ys[i] - 5);
      }
    }
  }

  private static void legend(Graphics2D g, Stroke dashed) {
    int x = LEFT + 12;
    int y = TOP + 18;
    Object[][] entries = {
      {"p50 (ingest → custody-stream → anomaly)", P50, new BasicStroke(2f)},
      {"p99", P99, new BasicStroke(2f)},
      {"p99 of a raw produce → read_committed consume", RAW, dashed},
      {"● held   × not held", Color.DARK_GRAY, null}
    };
    for (Object[] entry : entries) {
      g.setColor((Color) entry[1]);
      if (entry[2] != null) {
        g.setStroke((Stroke) entry[2]);
        g.drawLine(x, y - 4, x + 24, y - 4);
      }
      g.drawString((String) entry[0], x + 30, y);
      y += 16;
    }
  }

  /** The scales: rate from 0 to a round maximum, latency over whole decades of ms. */
  record Axes(int maxRate, int rateTick, double minMs, double maxMs) {
    static Axes of(Ladder pipeline, Ladder raw) {
      List<Step> all =
          java.util.stream.Stream.concat(pipeline.steps().stream(), raw.steps().stream()).toList();
      // A tenth of room to the right, so that the last step is not drawn on the frame.
      int top = (int) Math.ceil(1.1 * all.stream().mapToInt(Step::offered).max().orElse(1_000));
      int tick = niceTick(top);
      int maxRate = ((top + tick - 1) / tick) * tick;
      double low =
          all.stream()
              .flatMapToDouble(s -> java.util.stream.DoubleStream.of(s.p50Ms(), s.p99Ms()))
              .filter(ms -> ms > 0)
              .min()
              .orElse(1);
      double high = all.stream().mapToDouble(Step::p99Ms).max().orElse(Step.P99_LIMIT_MS);
      double minMs = Math.pow(10, Math.floor(Math.log10(Math.min(low, 10))));
      double maxMs = Math.pow(10, Math.ceil(Math.log10(Math.max(high, 10 * Step.P99_LIMIT_MS))));
      return new Axes(maxRate, tick, minMs, maxMs);
    }

    private static int niceTick(int top) {
      for (int tick : new int[] {50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000}) {
        if (top / tick <= 8) {
          return tick;
        }
      }
      return 20_000;
    }

    int x(int rate, int plotW) {
      return LEFT + (int) Math.round((double) plotW * rate / maxRate);
    }

    int y(double ms, int plotH) {
      double clamped = Math.max(minMs, Math.min(maxMs, ms));
      double share = Math.log10(clamped / minMs) / Math.log10(maxMs / minMs);
      return TOP + plotH - (int) Math.round(plotH * share);
    }
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
