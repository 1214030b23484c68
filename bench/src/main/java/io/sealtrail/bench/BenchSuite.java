package io.sealtrail.bench;

import io.sealtrail.bench.kafka.BenchCluster;
import io.sealtrail.bench.scenario.BenchContext;
import io.sealtrail.bench.scenario.Capacity;
import io.sealtrail.bench.scenario.Scale;
import io.sealtrail.bench.scenario.Scenario;
import io.sealtrail.bench.scenario.Scenarios;
import io.sealtrail.bench.soak.SoakCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the benchmark suite of issue #8 on one in-process broker and writes the results table. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = SoakCommand.class,
    description = {
      "Runs Sealtrail's benchmarks: every figure next to its baseline, on one in-process KRaft",
      "broker, and writes the table to bench/target/benchmarks-table.md and into --doc."
    })
public final class BenchSuite implements Callable<Integer> {
  @Option(
      names = "--only",
      split = ",",
      description =
          "Scenarios to run (default: all): signatures, ingest-kafka, log-cost, ingest-http,"
              + " custody-stream, latency (100/s and a sustained 1,000/s), capacity (rising"
              + " constant-rate steps until one is not held; writes the --chart PNG), queries,"
              + " restore, memory.")
  private Set<String> only = Set.of();

  @Option(
      names = "--smoke",
      description = "Tiny sizes: shows that everything runs, figures mean nothing.")
  private boolean smoke;

  @Option(
      names = "--doc",
      description =
          "Markdown file whose table markers receive the table (default: ${DEFAULT-VALUE}).")
  private Path doc = Path.of("docs/benchmarks.md");

  @Option(
      names = "--profile",
      paramLabel = "SCENARIO",
      description =
          "Writes a flame graph of this scenario, or of the phase lot-trace, to target/profiles/<name>-<event>.html.")
  private String profile;

  @Option(
      names = "--profile-event",
      description = "What --profile samples: cpu, wall or alloc (default: ${DEFAULT-VALUE}).")
  private String profileEvent = "cpu";

  @Option(
      names = "--capacity-rates",
      split = ",",
      paramLabel = "EVENTS_PER_S",
      description =
          "The capacity scenario's steps of offered events/s, climbed in rising order until one is"
              + " not held (default: 250,500,1000,1500,2000,3000,4000,5000; --smoke: 100,200,400).")
  private List<Integer> capacityRates;

  @Option(
      names = "--capacity-step",
      paramLabel = "SECONDS",
      description =
          "How long each capacity step is held (default: 60; --smoke: 5). A step is held when"
              + " submission→alert p99 ≤ 1 s and the consumer lag is bounded.")
  private Integer capacityStepSeconds;

  @Option(
      names = "--chart",
      description =
          "Where the capacity scenario writes its latency-vs-rate PNG (default:"
              + " docs/benchmarks-capacity.png; --smoke: bench/target/benchmarks-capacity.png).")
  private Path chart;

  @Option(
      names = "--work-dir",
      description =
          "Where the broker and the stores keep their data (default: a new temporary directory).")
  private Path workDir;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchSuite()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    Path dir =
        workDir != null
            ? Files.createDirectories(workDir)
            : Files.createTempDirectory("sealtrail-bench");
    Progress.say("data in %s; load average %s", dir, loadBefore);
    List<Row> rows = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try (BenchCluster cluster = BenchCluster.start(dir)) {
      Scale scale =
          (smoke ? Scale.smoke() : Scale.standard())
              .withCapacity(
                  capacityRates,
                  capacityStepSeconds == null ? null : Duration.ofSeconds(capacityStepSeconds));
      var context = new BenchContext(cluster, scale, new Profiling(profile, profileEvent, dir));
      // A smoke run's chart means nothing; it must not replace the documented one.
      context.remember(
          Capacity.CHART,
          chart != null
              ? chart
              : Path.of(
                  smoke ? "bench/target/benchmarks-capacity.png" : "docs/benchmarks-capacity.png"));
      for (Scenario scenario : Scenarios.all()) {
        if (only.isEmpty() || only.contains(scenario.name())) {
          Progress.say("== %s (load %s)", scenario.name(), Machine.loadAverage());
          List<Row> found = runOrReport(scenario, context, failed);
          found.forEach(
              row ->
                  Progress.say(
                      "  %s: %s vs %s → %s",
                      row.figure(),
                      row.value().format(),
                      row.baselineValue().format(),
                      row.formattedRatio()));
          rows.addAll(found);
        }
      }
      notes.addAll(context.notes());
    }
    String command =
        "bin/bench"
            + (smoke ? " --smoke" : "")
            + (only.isEmpty() ? "" : " --only " + String.join(",", only));
    String table = ResultsTable.render(rows, started, loadBefore, Machine.loadAverage(), command);
    for (String note : notes) {
      table += "\n" + note;
    }
    if (!failed.isEmpty()) {
      table += "\nFailed, no rows: " + String.join("; ", failed) + "\n";
    }
    Path out = Path.of("bench/target/benchmarks-table.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    ResultsTable.writeInto(doc, table);
    System.out.println(table);
    Progress.say("done; table in %s and %s", out, doc);
    return failed.isEmpty() ? 0 : 1;
  }

  /** A failed scenario is reported and the suite goes on, so one failure does not void the run. */
  private static List<Row> runOrReport(
      Scenario scenario, BenchContext context, List<String> failed) {
    try {
      return context.profiling().around(scenario.name(), () -> scenario.run(context));
    } catch (Exception e) {
      e.printStackTrace();
      Progress.say("FAILED %s: %s", scenario.name(), e);
      failed.add(scenario.name() + " (" + e + ")");
      return List.of();
    }
  }
}
