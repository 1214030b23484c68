package io.sealtrail.bench.soak;

import io.sealtrail.bench.Machine;
import io.sealtrail.bench.Progress;
import io.sealtrail.bench.memory.LocalProcess;
import io.sealtrail.cli.http.BearerToken;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/bench soak}: {@code sealtrail local} as its own process under the demo's traffic at a
 * constant rate for a long time, sampled from outside every few seconds (heap after GC, RSS, open
 * files, consumer lag); writes a CSV, an SVG plot and a summary with the verdict of {@link Trend}.
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
      "Soak: `sealtrail local` (its own process, started with --demo so its spike windows are the"
          + " demo's) under round after round of the demo supply chain at a constant rate. Heap"
          + " after GC (and every few minutes after a full GC), RSS, open files and consumer lag are"
          + " sampled every few seconds and written"
          + " to <out>/soak.csv, plotted to <out>/soak.svg and summarised in <out>/soak-summary.md"
          + " (start, end, max, slope per 10 minutes, verdict).",
      "Exit code 0 when every series is flat and the traffic ran to the end, 1 otherwise."
    })
public final class SoakCommand implements Callable<Integer> {
  @Option(
      names = "--minutes",
      description = "How long the traffic runs (default: ${DEFAULT-VALUE}).")
  double minutes = 30;

  @Option(
      names = "--rate",
      paramLabel = "EVENTS/S",
      description = "Constant rate of events sent (default: ${DEFAULT-VALUE}).")
  double rate = 40;

  @Option(
      names = "--devices",
      description =
          "Devices per round of the demo supply chain, at least 120 (default: ${DEFAULT-VALUE}).")
  int devices = 300;

  @Option(
      names = "--sample-seconds",
      description = "Seconds between two samples (default: ${DEFAULT-VALUE}).")
  double sampleSeconds = 10;

  @Option(
      names = "--full-gc-minutes",
      description =
          "Minutes between two full collections asked of the process, for its live heap"
              + " (default: ${DEFAULT-VALUE}).")
  double fullGcMinutes = 5;

  @Option(
      names = "--short",
      description =
          "A try: 3 minutes, a sample every 5 s (overrides --minutes and --sample-seconds).")
  boolean quick;

  @Option(
      names = "--heap",
      description = "JVM heap option of the local process (default: ${DEFAULT-VALUE}).")
  String heap = "-Xmx512m";

  @Option(
      names = "--out",
      description = "Where the CSV, plot and summary go (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("target", "soak");

  @Option(
      names = "--work-dir",
      description = "The local process's home and data (default: a new temporary directory).")
  Path workDir;

  @Override
  public Integer call() throws Exception {
    if (quick) {
      minutes = 3;
      sampleSeconds = 5;
      fullGcMinutes = 0.5;
    }
    if (rate <= 0 || minutes <= 0 || sampleSeconds <= 0) {
      throw new IllegalArgumentException("--rate, --minutes and --sample-seconds must be positive");
    }
    Path home =
        workDir != null
            ? Files.createDirectories(workDir)
            : Files.createTempDirectory("sealtrail-soak");
    Files.createDirectories(out);
    String loadBefore = Machine.loadAverage();
    Progress.say(
        "soak: %.0f min at %.0f events/s, %d devices a round, %s; home %s; load %s",
        minutes, rate, devices, heap, home, loadBefore);
    List<String> warmUp =
        List.of(
            "--demo",
            "--devices",
            "120",
            "--rate",
            String.valueOf((int) Math.max(rate, 50)),
            "--detection-timeout",
            "60");
    List<Sample> samples = new ArrayList<>();
    long rounds;
    long accepted;
    long duplicates;
    long rejected;
    Exception failure;
    boolean died = false;
    try (LocalProcess local = LocalProcess.start(home, List.of(heap), warmUp)) {
      URI http = URI.create(local.banner("Console and API")).resolve("/");
      String bootstrap = local.banner("Kafka bootstrap");
      String token = BearerToken.read(home.resolve("local-data/tokens/admin.token"));
      Progress.say("soak: warm-up: local plays one small demo first (spike windows of 20 s) ...");
      if (local.awaitLine("== Sealtrail demo", Duration.ofMinutes(10)).isEmpty()) {
        throw new IllegalStateException("the warm-up demo did not finish; see " + local.log());
      }
      try (ProcessProbe probe = ProcessProbe.attach(local.pid());
          ConsumerLag lag = new ConsumerLag(bootstrap);
          DemoTraffic traffic = DemoTraffic.start(http, token, devices, rate)) {
        long started = System.nanoTime();
        long end = started + (long) (minutes * 60e9);
        long next = started;
        long lastReport = 0;
        double nextFullGc = 0;
        while (System.nanoTime() < end && traffic.failure() == null) {
          if (local.awaitExit(Duration.ZERO).isPresent()) {
            died = true;
            break;
          }
          double seconds = (System.nanoTime() - started) / 1e9;
          double live = -1;
          if (seconds >= nextFullGc) {
            live = mib(probe.liveHeapBytes());
            nextFullGc += fullGcMinutes * 60;
          }
          Sample sample =
              new Sample(
                  seconds,
                  mib(probe.heapAfterGcBytes()),
                  live,
                  mib(probe.rssBytes()),
                  probe.openFiles(),
                  lag.total(),
                  probe.collections(),
                  traffic.answered());
          samples.add(sample);
          if (seconds - lastReport >= 60 || samples.size() == 1) {
            lastReport = (long) seconds;
            Progress.say(
                "soak %4.1f min: %,d events answered (%.0f/s), heap after GC %.0f MiB, RSS %.0f MiB,"
                    + " %d open files, lag %d, load %s",
                seconds / 60,
                sample.answered(),
                seconds > 0 ? sample.answered() / seconds : 0.0,
                sample.heapAfterGcMiB(),
                sample.rssMiB(),
                sample.openFiles(),
                sample.lag(),
                Machine.loadAverage());
          }
          next += (long) (sampleSeconds * 1e9);
          long wait = next - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000);
          }
        }
        traffic.close();
        rounds = traffic.rounds();
        accepted = traffic.accepted();
        duplicates = traffic.duplicates();
        rejected = traffic.rejected();
        failure = traffic.failure();
      }
    }
    double ran = samples.isEmpty() ? 0 : samples.get(samples.size() - 1).seconds();
    List<Trend> trends =
        Arrays.stream(Sample.Series.values()).map(s -> Trend.of(s, samples)).toList();
    Path csv = out.resolve("soak.csv");
    var lines = new ArrayList<String>();
    lines.add(Sample.CSV_HEADER);
    samples.forEach(s -> lines.add(s.csv()));
    Files.write(csv, lines);
    String title =
        String.format(
            Locale.ROOT,
            "sealtrail local (%s) under the demo at %.0f events/s for %.0f min",
            heap,
            rate,
            ran / 60);
    Files.writeString(out.resolve("soak.svg"), SvgPlot.render(title, samples, trends));
    boolean passed =
        !died && failure == null && trends.stream().allMatch(t -> t.flat() || !t.series().judged);
    String summary =
        summary(ran, samples.size(), rounds, accepted, duplicates, rejected, loadBefore, trends)
            + (died ? "\nThe local process ended during the soak: FAILED.\n" : "")
            + (failure != null ? "\nThe traffic stopped early: " + failure + "\n" : "")
            + "\nVerdict: "
            + (passed ? "flat" : "NOT flat")
            + "\n";
    Files.writeString(out.resolve("soak-summary.md"), summary);
    System.out.println(summary);
    Progress.say(
        "soak: %s, %s and %s", csv, out.resolve("soak.svg"), out.resolve("soak-summary.md"));
    return passed ? 0 : 1;
  }

  private String summary(
      double ran,
      int count,
      long rounds,
      long accepted,
      long duplicates,
      long rejected,
      String loadBefore,
      List<Trend> trends) {
    var text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "Soak of %s: %.1f min at %.0f events/s (%d devices a round, %d rounds completed),"
                + " %d samples every %.0f s; %,d accepted, %,d duplicate, %,d rejected (the"
                + " demo's injected cases and noise); a full GC asked every %.0f min; load average"
                + " %s before, %s after.%n%n",
            Instant.now(),
            ran / 60,
            rate,
            devices,
            rounds,
            count,
            sampleSeconds,
            accepted,
            duplicates,
            rejected,
            fullGcMinutes,
            loadBefore,
            Machine.loadAverage()));
    text.append("| series | start | end | max | slope per 10 min | verdict |\n");
    text.append("|---|---:|---:|---:|---:|---|\n");
    trends.forEach(t -> text.append(t.row()).append('\n'));
    return text.toString();
  }

  private static double mib(long bytes) {
    return bytes < 0 ? -1 : bytes / (1024.0 * 1024.0);
  }
}
