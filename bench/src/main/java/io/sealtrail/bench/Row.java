package io.sealtrail.bench;

import java.util.Locale;

/**
 * One line of the results table: a figure, the baseline measured next to it in the same run, and
 * their ratio (figure ÷ baseline).
 *
 * @param item the issue #8 item it answers (1 to 8)
 */
public record Row(int item, String figure, Measure value, String baseline, Measure baselineValue) {

  /** A number with its unit, e.g. {@code 1234 events/s}. */
  public record Measure(double amount, String unit) {
    public String format() {
      String number =
          amount >= 100
              ? String.format(Locale.ROOT, "%,.0f", amount)
              : String.format(Locale.ROOT, "%.3g", amount);
      return number + " " + unit;
    }
  }

  public static Measure of(double amount, String unit) {
    return new Measure(amount, unit);
  }

  public double ratio() {
    return value.amount() / baselineValue.amount();
  }

  public String formattedRatio() {
    return String.format(Locale.ROOT, "%.3f", ratio());
  }
}
