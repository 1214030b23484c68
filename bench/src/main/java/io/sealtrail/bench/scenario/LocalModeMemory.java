package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.memory.DemoSummary;
import io.sealtrail.bench.memory.LocalProcess;
import io.sealtrail.bench.memory.RssSampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Item 7: the resident size of {@code sealtrail local --demo --exit} (its own process) while the
 * demo runs, peak and median, against the same process right after start, before the demo sends;
 * once with {@code bin/sealtrail}'s default JVM options ({@code bin/sealtrail.jvm-options}) and
 * once with {@link #HEAP_CAP} after them (given as {@code SEALTRAIL_JAVA_OPTS} would give it).
 *
 * <p>The demo starts as soon as local mode prints that it is up: it generates its supply chain,
 * registers its partners ({@code Registered …}), sends the events, waits for every detection,
 * traces the faulty lot and prints its summary ({@code == Sealtrail demo}). "After start" is from
 * the up line to the registration line (the platform idle while the demo generates its events in
 * the same JVM); "while the demo runs" is from the registration line to the summary.
 *
 * <p>Issue #20's demo row comes from the default-options run too (no second demo run): the send
 * rate its summary prints ({@link DemoSummary}), against the rate at which the same demo signed the
 * same events right before sending them, printed on the same line. That baseline is chosen because
 * it is measured in the same process on the same events whenever this scenario runs, even alone
 * ({@code --only memory}), unlike the ingest Kafka path's rate, which needs {@code ingest-kafka}
 * and is measured in another JVM on another broker.
 */
public final class LocalModeMemory implements Scenario {
  static final String HEAP_CAP = "-Xmx512m";
  private static final Duration DEMO_TIMEOUT = Duration.ofMinutes(12);

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public List<Row> run(BenchContext context) throws Exception {
    int devices = context.scale().demoDevices();
    Demo uncapped = measure(context, List.of(), devices);
    List<Row> rows = new ArrayList<>(uncapped.rows("default options"));
    try {
      rows.add(uncapped.sendRow());
    } catch (IllegalArgumentException | IllegalStateException e) {
      // The memory rows stand without it; the table says why the demo row is missing.
      Progress.say("memory: no demo send-rate row: %s", e.getMessage());
      context.note("No demo send-rate row (issue #20): " + e.getMessage() + "\n");
    }
    try {
      Demo capped = measure(context, List.of(HEAP_CAP), devices);
      rows.addAll(capped.rows(HEAP_CAP));
      rows.add(
          new Row(
              7,
              "RSS of `sealtrail local --demo`, " + HEAP_CAP + ", peak while the demo runs",
              Row.of(capped.peakMiB, "MiB"),
              "the same, default options",
              Row.of(uncapped.peakMiB, "MiB")));
    } catch (Exception e) {
      Progress.say("memory: the run with %s failed, no rows for it: %s", HEAP_CAP, e);
    }
    return rows;
  }

  private static Demo measure(BenchContext context, List<String> javaOptions, int devices)
      throws Exception {
    String heap = javaOptions.isEmpty() ? "default options" : String.join(" ", javaOptions);
    var home = context.cluster().directory(context.fresh("demo"));
    // The demo's own --rate: the row is local mode as a user runs it.
    Progress.say("memory: sealtrail local --demo --exit --devices %d (%s)", devices, heap);
    List<String> args = List.of("--demo", "--exit", "--devices", String.valueOf(devices));
    try (LocalProcess local = LocalProcess.start(home, javaOptions, args)) {
      var idle = new RssSampler(local.pid());
      String registered = required(local, "Registered ", idle);
      idle.close();
      Progress.say(
          "memory: %s; after start, before sending: peak %.0f MiB, median %.0f MiB (%d samples)",
          registered, idle.peakMiB(), idle.medianMiB(), idle.count());
      var running = new RssSampler(local.pid());
      required(local, "== Sealtrail demo", running);
      running.close();
      String sent = local.awaitLine(DemoSummary.PREFIX, Duration.ofSeconds(10)).orElse("");
      String events = local.awaitLine("Events:", Duration.ofSeconds(10)).orElse("Events: ?");
      OptionalInt exit = local.awaitExit(Duration.ofMinutes(2));
      Progress.say(
          "memory: %s; %s; while the demo ran: peak %.0f MiB, median %.0f MiB (%d samples); exit %s",
          sent,
          events,
          running.peakMiB(),
          running.medianMiB(),
          running.count(),
          exit.isPresent() ? String.valueOf(exit.getAsInt()) : "none yet");
      return new Demo(devices, exit, idle.peakMiB(), running.peakMiB(), running.medianMiB(), sent);
    }
  }

  /** The line, or a failure naming the process's log; stops the sampler either way. */
  private static String required(LocalProcess local, String prefix, RssSampler sampler)
      throws Exception {
    var line = local.awaitLine(prefix, DEMO_TIMEOUT);
    if (line.isEmpty()) {
      sampler.close();
      throw new IllegalStateException(
          "sealtrail local --demo printed no '" + prefix + "' line; see " + local.log());
    }
    return line.get();
  }

  /** One demo run: its RSS and its summary's send-rate line ({@code ""} if it printed none). */
  private record Demo(
      int devices,
      OptionalInt exit,
      double idleMiB,
      double peakMiB,
      double medianMiB,
      String sentLine) {
    List<Row> rows(String heap) {
      String demo = "the demo runs (" + devices + " devices" + verdict() + ")";
      String process = "RSS of `sealtrail local --demo`, " + heap;
      String baseline = "RSS of the same process after start, before the demo sends (peak)";
      return List.of(
          new Row(
              7,
              process + ", peak while " + demo,
              Row.of(peakMiB, "MiB"),
              baseline,
              Row.of(idleMiB, "MiB")),
          new Row(
              7,
              process + ", median while " + demo,
              Row.of(medianMiB, "MiB"),
              baseline,
              Row.of(idleMiB, "MiB")));
    }

    /** Issue #20's demo row; fails naming the line when the summary had none of that shape. */
    Row sendRow() {
      DemoSummary sent = DemoSummary.parse(sentLine);
      return new Row(
          7,
          String.format(
              Locale.ROOT,
              "events/s `sealtrail local --demo` sends (%d devices, default options%s), as its"
                  + " summary prints it: %,d events in %.1f s (#20 target ≥ 3,000)",
              devices,
              verdict(),
              sent.events(),
              sent.sendingSeconds()),
          Row.of(sent.eventsPerSecond(), "events/s"),
          "the same demo signing the same events right before sending them, same process"
              + " (its summary's \"signed beforehand\"; measured whenever the demo runs)",
          Row.of(sent.signingPerSecond(), "events/s"));
    }

    private String verdict() {
      return exit.isPresent() && exit.getAsInt() == 0
          ? ""
          : "; the demo did not pass, exit " + (exit.isPresent() ? exit.getAsInt() : "-");
    }
  }
}
