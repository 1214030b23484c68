package io.sealtrail.bench.memory;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.kafka.BenchCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * {@code sealtrail local} as its own process, started the way {@code bin/sealtrail} starts it (the
 * CLI jar on the classpath Maven wrote; its default JVM options, then those {@code
 * SEALTRAIL_JAVA_OPTS} would give), on free ports and a data directory of the bench's; its home
 * directory is the bench's too, so its logs stay there, and its output goes to {@code
 * local-output.log} beside them.
 */
public final class LocalProcess implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final List<String> output = new ArrayList<>(); // guarded by this
  private boolean ended; // guarded by this

  private LocalProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code sealtrail local} with {@code javaOptions} (as {@code SEALTRAIL_JAVA_OPTS}) and
   * {@code localArgs} after its data directory, host and ports, and returns once it printed that it
   * is up.
   */
  public static LocalProcess start(Path home, List<String> javaOptions, List<String> localArgs)
      throws Exception {
    Path cli = Path.of("cli", "target");
    String jar =
        Files.list(cli)
            .filter(p -> p.getFileName().toString().matches("sealtrail-cli-.*\\.jar"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no CLI jar in " + cli + ": build first"))
            .toString();
    String classpath = jar + ":" + Files.readString(cli.resolve("classpath.txt")).trim();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(defaultJavaOptions());
    command.addAll(javaOptions);
    command.addAll(
        List.of(
            "-Duser.home=" + home,
            "-cp",
            classpath,
            "io.sealtrail.cli.Sealtrail",
            "local",
            "--data-dir",
            home.resolve("local-data").toString(),
            "--host",
            "127.0.0.1",
            "--kafka-port",
            String.valueOf(BenchCluster.freePort()),
            "--controller-port",
            String.valueOf(BenchCluster.freePort()),
            "--registry-port",
            String.valueOf(BenchCluster.freePort()),
            "--http-port",
            String.valueOf(BenchCluster.freePort()),
            // Metrics on a free port too: the default 9464 is taken by any other local mode.
            "--management-port",
            "0"));
    command.addAll(localArgs);
    Files.createDirectories(home);
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    // As bin/sealtrail and the image run it: few glibc arenas for RocksDB's native memory.
    builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    Process process = builder.start();
    var local = new LocalProcess(process, home.resolve("local-output.log"));
    local.readOutput();
    Optional<String> up = local.awaitLine("Sealtrail is up", Duration.ofMinutes(3));
    if (up.isEmpty()) {
      local.close();
      throw new IllegalStateException(
          "sealtrail local did not come up within 3 minutes; see " + local.log);
    }
    Progress.say("  local (pid %d): %s", local.pid(), up.get());
    return local;
  }

  /**
   * The options {@code bin/sealtrail} gives every command ({@code bin/sealtrail.jvm-options}: one a
   * line, {@code #} comments), which {@code SEALTRAIL_JAVA_OPTS} then overrides.
   */
  static List<String> defaultJavaOptions() throws IOException {
    return Files.readAllLines(Path.of("bin", "sealtrail.jvm-options")).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /** Keeps every line it prints (a progress bar's {@code \r} ends a line too) and logs it. */
  private void readOutput() {
    Thread reader =
        new Thread(
            () -> {
              try (var lines =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  var file = new PrintWriter(Files.newBufferedWriter(log), true)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  file.println(line);
                  synchronized (this) {
                    output.add(line);
                    notifyAll();
                  }
                }
              } catch (IOException e) {
                // the process ended
              } finally {
                synchronized (this) {
                  ended = true;
                  notifyAll();
                }
              }
            },
            "local-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * The first line it printed that starts with {@code prefix}, waiting for it up to {@code
   * timeout}; empty when the timeout passed or its output ended first.
   */
  public synchronized Optional<String> awaitLine(String prefix, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int next = 0; ; ) {
      for (; next < output.size(); next++) {
        if (output.get(next).startsWith(prefix)) {
          return Optional.of(output.get(next));
        }
      }
      long left = deadline - System.nanoTime();
      if (ended || left <= 0) {
        return Optional.empty();
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /**
   * The value of a row of the banner it prints once up ({@code " Kafka bootstrap host:port"}), e.g.
   * {@code banner("Kafka bootstrap")}.
   */
  public String banner(String label) throws InterruptedException {
    String line =
        awaitLine("  " + label, Duration.ofSeconds(10))
            .orElseThrow(() -> new IllegalStateException("no '" + label + "' row in " + log));
    return line.substring(line.indexOf(label) + label.length()).trim();
  }

  /** Its exit code once it ended by itself within {@code timeout}. */
  public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
        ? OptionalInt.of(process.exitValue())
        : OptionalInt.empty();
  }

  public long pid() {
    return process.pid();
  }

  /** Where its output is logged. */
  public Path log() {
    return log;
  }

  /** Stops it as Ctrl-C would (if it still runs), forcibly after a minute. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
  }
}
