package io.sealtrail.bench.memory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's send-rate line, as its summary prints it: {@code Sent 1,051 events in 5.1 s: 208
 * events/s (signed beforehand in 4.2 s)}. The demo prints it in the JVM's default locale, so the
 * digit grouping (comma, dot, space, no-break space, apostrophe) and the decimal mark (dot or
 * comma) may vary; every other word is fixed.
 *
 * @param events events sent
 * @param sendingSeconds the time they took to send (printed to 0.1 s)
 * @param eventsPerSecond the send rate as printed (whole events/s; computed by the demo from the
 *     unrounded time, so it is the figure to report, not events ÷ the rounded seconds)
 * @param signingSeconds the time the demo took to sign the same events before sending (0.1 s)
 */
public record DemoSummary(
    long events, double sendingSeconds, double eventsPerSecond, double signingSeconds) {
  /** How the line starts, to find it among the demo's output. */
  public static final String PREFIX = "Sent ";

  private static final String WHOLE = "(\\d[\\d,.'\\u00a0\\u202f ]*)";
  private static final String DECIMAL = "(\\d+(?:[.,]\\d+)?)";
  private static final Pattern LINE =
      Pattern.compile(
          "^Sent "
              + WHOLE
              + " events in "
              + DECIMAL
              + " s: "
              + WHOLE
              + " events/s \\(signed beforehand in "
              + DECIMAL
              + " s\\)");

  /** The figures of {@code line}; a line of another shape fails naming it. */
  public static DemoSummary parse(String line) {
    Matcher m = LINE.matcher(line.strip());
    if (!m.find()) {
      throw new IllegalArgumentException(
          "not the demo's 'Sent N events in S s: R events/s (signed beforehand in T s)' line: "
              + (line.isBlank() ? "(it printed none)" : line));
    }
    return new DemoSummary(
        Long.parseLong(digits(m.group(1))),
        decimal(m.group(2)),
        Long.parseLong(digits(m.group(3))),
        decimal(m.group(4)));
  }

  /**
   * Events signed per second before sending: the same events, in the same process, right before
   * they were sent; 0.1 s resolution, so meaningful from a few hundred events up.
   */
  public double signingPerSecond() {
    if (signingSeconds <= 0) {
      throw new IllegalStateException("the demo printed no signing time: " + this);
    }
    return events / signingSeconds;
  }

  private static String digits(String grouped) {
    return grouped.replaceAll("\\D", "");
  }

  private static double decimal(String printed) {
    return Double.parseDouble(printed.replace(',', '.'));
  }
}
