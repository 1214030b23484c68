package io.sealtrail.bench.soak;

import java.util.List;
import java.util.Locale;

/**
 * A small SVG of the soak: one panel per series (value against minutes), stacked, each with its own
 * scale from 0 to a round maximum, the fitted warm-up boundary marked. No library: a few polylines
 * and labels.
 */
final class SvgPlot {
  private static final int WIDTH = 640;
  private static final int PANEL = 110;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 30;
  private static final int GAP = 28;

  private SvgPlot() {}

  static String render(String title, List<Sample> samples, List<Trend> trends) {
    int height = TOP + trends.size() * (PANEL + GAP) + 10;
    double minutes =
        Math.max(1, samples.isEmpty() ? 1 : samples.get(samples.size() - 1).seconds() / 60);
    var svg = new StringBuilder();
    svg.append(
        f(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n",
            WIDTH, height, WIDTH, height));
    svg.append(f("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, height));
    svg.append(f("<text x=\"%d\" y=\"18\" font-size=\"13\">%s</text>\n", LEFT, escape(title)));
    int y = TOP;
    for (Trend trend : trends) {
      panel(svg, samples, trend, y, minutes);
      y += PANEL + GAP;
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void panel(
      StringBuilder svg, List<Sample> samples, Trend trend, int top, double minutes) {
    Sample.Series series = trend.series();
    List<Sample> read = series.read(samples);
    double max = roundUp(Math.max(1, read.stream().mapToDouble(series::of).max().orElse(1)));
    int plotWidth = WIDTH - LEFT - RIGHT;
    svg.append(
        f(
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>\n",
            LEFT, top, plotWidth, PANEL));
    svg.append(
        f(
            "<text x=\"%d\" y=\"%d\">%s%s: %s, slope %+.1f / 10 min</text>\n",
            LEFT + 4,
            top + 13,
            escape(series.label),
            series.unit.isEmpty() ? "" : " (" + series.unit + ")",
            trend.flat() ? "flat" : "NOT flat",
            trend.slopePerTenMinutes()));
    svg.append(
        f("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", LEFT - 4, top + 10, num(max)));
    svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>\n", LEFT - 4, top + PANEL));
    for (int m = 0; m <= (int) minutes; m += minutes > 12 ? 5 : 1) {
      double x = LEFT + plotWidth * m / minutes;
      svg.append(
          f(
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%d min</text>\n",
              x, top + PANEL + 13, m));
    }
    double warmUp = LEFT + plotWidth * Trend.WARM_UP_SHARE;
    svg.append(
        f(
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ccc\""
                + " stroke-dasharray=\"3,3\"/>\n",
            warmUp, top, warmUp, top + PANEL));
    var points = new StringBuilder();
    for (Sample s : read) {
      double x = LEFT + plotWidth * (s.seconds() / 60) / minutes;
      double yv = top + PANEL - PANEL * series.of(s) / max;
      points.append(f("%.1f,%.1f ", x, yv));
    }
    svg.append(
        f(
            "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"1.2\" points=\"%s\"/>\n",
            points.toString().trim()));
  }

  /** 1, 2 or 5 times a power of ten, at least {@code value}. */
  private static double roundUp(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String num(double value) {
    return value >= 1_000_000
        ? f("%.0fM", value / 1_000_000)
        : value >= 10_000 ? f("%.0fk", value / 1000) : f("%.0f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
