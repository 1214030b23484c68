package io.sealtrail.system.multinode;

import io.sealtrail.system.config.DeployFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service instance in a JVM of its own, started from its module's runnable layout ({@code
 * target/<artifact>.jar} with {@code target/lib}, what the container image holds) and configured
 * only by environment variables, as deploy/ runs it; so that it can be killed abruptly (SIGKILL),
 * which no in-process stop can imitate. Its output goes to {@code <name>.log}.
 */
final class ServiceProcess implements AutoCloseable {
  // A bound for a process that never gets ready, not a wait: six JVMs starting at once on a busy
  // two-core machine have taken more than 90 s.
  private static final Duration READY_WITHIN = Duration.ofSeconds(180);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  // The project version the services were packaged with, set by the pom.
  private static final String VERSION = System.getProperty("sealtrail.version", "0.1.0-SNAPSHOT");

  private final String name;
  private final Process process;
  private final Path log;
  private final String host;
  private final int port;

  private ServiceProcess(String name, Process process, Path log, String host, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.host = host;
    this.port = port;
  }

  /**
   * Starts the service of {@code module} with exactly {@code env} (and PATH); {@code port} is its
   * HTTP port.
   */
  static ServiceProcess start(
      String name, String module, Map<String, String> env, int port, Path logs) throws IOException {
    return start(name, module, env, List.of(), "localhost", port, logs);
  }

  /**
   * Starts it as above, the command after {@code launcher} (e.g. {@code ip netns exec NS}, to run
   * it in a network namespace of its own), reached at {@code host}.
   */
  static ServiceProcess start(
      String name,
      String module,
      Map<String, String> env,
      List<String> launcher,
      String host,
      int port,
      Path logs)
      throws IOException {
    Path log = logs.resolve(name + ".log");
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small and quick to start: four of these share two cores with the brokers.
    command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    command.add("-Dlogback.configurationFile=" + DeployFiles.DEPLOY.resolve("docker/logback.xml"));
    command.addAll(List.of("-jar", runnableJar(module).toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().putAll(env);
    return new ServiceProcess(name, builder.start(), log, host, port);
  }

  // Each service on its own classpath, as in its image: one Micronaut context must never see
  // another service's controllers.
  private static Path runnableJar(String module) throws IOException {
    Path target = DeployFiles.DEPLOY.resolveSibling(module).resolve("target");
    Path jar = target.resolve("sealtrail-" + module + "-" + VERSION + ".jar");
    if (!Files.isRegularFile(jar) || !Files.isDirectory(target.resolve("lib"))) {
      throw new IllegalStateException(
          jar + " or its lib/ is missing; build with ./mvnw -pl system-tests -am verify");
    }
    return jar;
  }

  /**
   * A fresh directory under target/ for one run's state directories, tokens and instance logs, kept
   * after the run so that a failure can be read.
   */
  static Path workDirectory(String prefix) throws IOException {
    Path runs =
        Files.createDirectories(Path.of(System.getProperty("user.dir"), "target", "system-tests"));
    return Files.createTempDirectory(runs, prefix + "-");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Waits until {@code /health/readiness} answers 200; fails at once if the process died. */
  void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (readiness() != 200) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(name + " not ready within " + READY_WITHIN + "; see " + log);
      }
      Thread.sleep(200);
    }
  }

  /** The status of {@code GET /health/readiness}, or -1 when nothing answers. */
  int readiness() throws InterruptedException {
    try {
      var request =
          HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/health/readiness"))
              .timeout(Duration.ofSeconds(5))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Where it is reached: localhost, or its namespace's address. */
  String host() {
    return host;
  }

  int port() {
    return port;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Its exit code; only once it has ended. */
  int exitValue() {
    return process.exitValue();
  }

  /** Its process id (with a launcher in front, the launcher's: {@code ip netns exec} execs). */
  long pid() {
    return process.pid();
  }

  String name() {
    return name;
  }

  /** Stops the process abruptly (SIGKILL): no shutdown hook, no leaving the group. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /**
   * Freezes the process (SIGSTOP), as a long GC pause or a stalled VM does: it keeps its sockets
   * and its open transaction but sends no heartbeat, so its group evicts it once the session times
   * out.
   */
  void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** Lets a {@link #pause() paused} process run again (SIGCONT), unaware time has passed. */
  void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    int exit =
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
            .inheritIO()
            .start()
            .waitFor();
    if (exit != 0) {
      throw new IllegalStateException("kill -" + signal + " " + name + " exited with " + exit);
    }
  }

  /** Asks the process to stop as an orchestrator does (SIGTERM), without waiting. */
  void terminate() {
    process.destroy();
  }

  /** Stops the process (SIGTERM), then forcibly if it has not ended within 30 s. */
  @Override
  public void close() {
    terminate();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines of the log, for a failure message. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
