package io.sealtrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTableTest {
  private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
  private static final Row INGEST =
      new Row(
          2, "ingest events/s", Row.of(500, "events/s"), "raw producer", Row.of(2000, "records/s"));

  @Test
  void shouldStateEachFigureWithItsBaselineAndTheirRatio() {
    String table =
        ResultsTable.render(List.of(INGEST), T0, "1.00 1.00 1.00", "2.00 2.00 2.00", "bin/bench");

    assertThat(table)
        .contains("| 2 | ingest events/s | 500 events/s | raw producer | 2,000 records/s | 0.250 |")
        .contains("before: 1.00 1.00 1.00; after: 2.00 2.00 2.00");
  }

  @Test
  void shouldReplaceOnlyTheTableBetweenTheMarkersWhenTheDocHasThem(@TempDir Path dir)
      throws Exception {
    Path doc = dir.resolve("benchmarks.md");
    Files.writeString(
        doc, "# Benchmarks\n" + ResultsTable.START + "\nold\n" + ResultsTable.END + "\nnotes\n");

    ResultsTable.writeInto(doc, "new table\n");

    assertThat(Files.readString(doc))
        .isEqualTo(
            "# Benchmarks\n"
                + ResultsTable.START
                + "\nnew table\n"
                + ResultsTable.END
                + "\nnotes\n");
  }
}
