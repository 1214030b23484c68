package io.sealtrail.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The suite's output: a Markdown table of every row with machine, date and load, written on its own
 * and into {@code docs/benchmarks.md} between the table markers.
 */
public final class ResultsTable {
  static final String START = "<!-- bench:table:start -->";
  static final String END = "<!-- bench:table:end -->";

  private ResultsTable() {}

  public static String render(
      List<Row> rows, Instant started, String loadBefore, String loadAfter, String command) {
    StringBuilder out = new StringBuilder();
    out.append("Run ")
        .append(started.truncatedTo(ChronoUnit.SECONDS))
        .append(" with `")
        .append(command)
        .append("`  \n");
    out.append("Machine: ").append(Machine.describe()).append("  \n");
    out.append("Load average (1/5/15 min) before: ")
        .append(loadBefore)
        .append("; after: ")
        .append(loadAfter)
        .append("\n\n");
    out.append("| # | figure | value | baseline | baseline value | ratio | machine | date |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    String machine = Runtime.getRuntime().availableProcessors() + " cores, load " + loadBefore;
    String date = started.truncatedTo(ChronoUnit.MINUTES).toString();
    rows.stream()
        .sorted(Comparator.comparingInt(Row::item))
        .forEach(
            row ->
                out.append("| ")
                    .append(row.item())
                    .append(" | ")
                    .append(row.figure())
                    .append(" | ")
                    .append(row.value().format())
                    .append(" | ")
                    .append(row.baseline())
                    .append(" | ")
                    .append(row.baselineValue().format())
                    .append(" | ")
                    .append(row.formattedRatio())
                    .append(" | ")
                    .append(machine)
                    .append(" | ")
                    .append(date)
                    .append(" |\n"));
    return out.toString();
  }

  /** Replaces the table between the markers of {@code doc}; appends them if missing. */
  public static void writeInto(Path doc, String table) throws IOException {
    String block = START + "\n" + table + END;
    String text = Files.exists(doc) ? Files.readString(doc) : "";
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    String updated =
        start >= 0 && end > start
            ? text.substring(0, start) + block + text.substring(end + END.length())
            : text + "\n" + block + "\n";
    Files.writeString(doc, updated);
  }
}
