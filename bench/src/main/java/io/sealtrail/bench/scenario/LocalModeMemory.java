package io.sealtrail.bench.scenario;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.Row;
import io.sealtrail.bench.memory.LocalProcess;
import io.sealtrail.bench.memory.RssSampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
      String events = local.awaitLine("Events:", Duration.ofSeconds(10)).orElse("Events: ?");
      OptionalInt exit = local.awaitExit(Duration.ofMinutes(2));
      Progress.say(
          "memory: %s; while the demo ran: peak %.0f MiB, median %.0f MiB (%d samples); exit %s",
          events,
          running.peakMiB(),
          running.medianMiB(),
          running.count(),
          exit.isPresent() ? String.valueOf(exit.getAsInt()) : "none yet");
      return new Demo(devices, exit, idle.peakMiB(), running.peakMiB(), running.medianMiB());
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

  private record Demo(
      int devices, OptionalInt exit, double idleMiB, double peakMiB, double medianMiB) {
    List<Row> rows(String heap) {
      String demo =
          "the demo runs ("
              + devices
              + " devices"
              + (exit.isPresent() && exit.getAsInt() == 0
                  ? ""
                  : "; the demo did not pass, exit " + (exit.isPresent() ? exit.getAsInt() : "-"))
              + ")";
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
  }
}
