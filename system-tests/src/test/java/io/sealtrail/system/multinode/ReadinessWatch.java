package io.sealtrail.system.multinode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Probes {@code /health/readiness} of every instance once a second from inside its own network
 * namespace (as a kubelet on its node would: the instance's own verdict, also while it is cut off),
 * and keeps, per phase and instance, how many probes answered 200 and how many did not; reports
 * each change as it happens.
 */
final class ReadinessWatch implements AutoCloseable {
  /** Probes of one instance in one phase. */
  static final class Tally {
    int ready;
    int notReady;
    final List<String> seen = new ArrayList<>();

    @Override
    public String toString() {
      int total = ready + notReady;
      return total == 0
          ? "-"
          : (notReady == 0 ? "ready" : ready + "/" + total + " ready")
              + (seen.size() > 1 || notReady > 0 ? " (" + String.join("→", seen) + ")" : "");
    }
  }

  private final Map<String, List<String>> probes;
  private final Supplier<String> phase;
  private final Consumer<String> say;
  private final Map<String, Map<String, Tally>> tallies = new ConcurrentHashMap<>();
  private final Map<String, String> last = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  /** {@code probes}: per instance, the command that prints its readiness status code. */
  ReadinessWatch(Map<String, List<String>> probes, Supplier<String> phase, Consumer<String> say) {
    this.probes = new LinkedHashMap<>(probes);
    this.phase = phase;
    this.say = say;
    this.thread = new Thread(this::run, "readiness-watch");
    thread.setDaemon(true);
    thread.start();
  }

  /** The command that asks {@code port} in {@code launcher}'s namespace for its readiness. */
  static List<String> probe(List<String> launcher, int port) {
    List<String> command = new ArrayList<>(launcher);
    command.addAll(
        List.of(
            "curl",
            "-s",
            "-o",
            "/dev/null",
            "-m",
            "3",
            "-w",
            "%{http_code}",
            "http://127.0.0.1:" + port + "/health/readiness"));
    return command;
  }

  private void run() {
    while (running) {
      long started = System.nanoTime();
      String current = phase.get();
      probes.forEach((instance, command) -> record(current, instance, status(command)));
      long left = 1_000_000_000L - (System.nanoTime() - started);
      if (left > 0) {
        try {
          Thread.sleep(left / 1_000_000);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private void record(String phase, String instance, String status) {
    Tally tally =
        tallies
            .computeIfAbsent(phase, p -> new ConcurrentHashMap<>())
            .computeIfAbsent(instance, i -> new Tally());
    synchronized (tally) {
      if (status.equals("200")) {
        tally.ready++;
      } else {
        tally.notReady++;
      }
      if (tally.seen.isEmpty() || !tally.seen.get(tally.seen.size() - 1).equals(status)) {
        tally.seen.add(status);
      }
    }
    String before = last.put(instance, status);
    if (before != null && !before.equals(status)) {
      say.accept(instance + " readiness " + before + " -> " + status);
    }
  }

  private static String status(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes()).strip();
      process.waitFor();
      return out.isEmpty() || out.equals("000") ? "none" : out;
    } catch (IOException e) {
      return "none";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "none";
    }
  }

  /** The tally of {@code instance} in {@code phase} ("-" when never probed then). */
  String of(String phase, String instance) {
    Map<String, Tally> byInstance = tallies.get(phase);
    Tally tally = byInstance == null ? null : byInstance.get(instance);
    if (tally == null) {
      return "-";
    }
    synchronized (tally) {
      return tally.toString();
    }
  }

  List<String> instances() {
    return List.copyOf(probes.keySet());
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(5_000);
  }
}
