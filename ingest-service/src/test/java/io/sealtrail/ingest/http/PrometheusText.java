package io.sealtrail.ingest.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text exposition, as a scraper would. */
final class PrometheusText {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][\\w:]*)(\\{(.*)})?\\s+(\\S+)$");

  private PrometheusText() {}

  /**
   * The sum of the samples of {@code metric} whose labels include every {@code name, value} pair
   * given; 0 when there is none.
   */
  static double value(String scrape, String metric, String... labels) {
    double sum = 0;
    for (String line : scrape.split("\n")) {
      Matcher sample = SAMPLE.matcher(line.strip());
      if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(metric)) {
        continue;
      }
      String found = sample.group(3) == null ? "" : sample.group(3);
      boolean all = true;
      for (int i = 0; i < labels.length; i += 2) {
        all &= found.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
      }
      if (all) {
        sum += Double.parseDouble(sample.group(4));
      }
    }
    return sum;
  }
}
