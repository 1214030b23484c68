package io.sealtrail.bench.memory;

import io.sealtrail.bench.Progress;
import io.sealtrail.bench.kafka.BenchCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code sealtrail local} as its own process, started the way {@code bin/sealtrail} starts it (the
 * CLI jar on the classpath Maven wrote, no JVM options), on free ports and a data directory of the
 * bench's; its home directory is the bench's too, so its logs stay there.
 */
public final class LocalProcess implements AutoCloseable {
  private final Process process;
  private final int kafkaPort;
  private final int registryPort;
  private final int httpPort;
  private final Path dataDir;

  private LocalProcess(
      Process process, int kafkaPort, int registryPort, int httpPort, Path dataDir) {
    this.process = process;
    this.kafkaPort = kafkaPort;
    this.registryPort = registryPort;
    this.httpPort = httpPort;
    this.dataDir = dataDir;
  }

  /** Starts it and returns once it printed that it is up. */
  public static LocalProcess start(Path home) throws Exception {
    Path cli = Path.of("cli", "target");
    String jar =
        Files.list(cli)
            .filter(p -> p.getFileName().toString().matches("sealtrail-cli-.*\\.jar"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no CLI jar in " + cli + ": build first"))
            .toString();
    String classpath = jar + ":" + Files.readString(cli.resolve("classpath.txt")).trim();
    int kafka = BenchCluster.freePort();
    int registry = BenchCluster.freePort();
    int http = BenchCluster.freePort();
    Path data = home.resolve("local-data");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Duser.home=" + home,
                    "-cp",
                    classpath,
                    "io.sealtrail.cli.Sealtrail",
                    "local",
                    "--data-dir",
                    data.toString(),
                    "--host",
                    "127.0.0.1",
                    "--kafka-port",
                    String.valueOf(kafka),
                    "--controller-port",
                    String.valueOf(BenchCluster.freePort()),
                    "--registry-port",
                    String.valueOf(registry),
                    "--http-port",
                    String.valueOf(http)))
            .redirectErrorStream(true)
            .start();
    var local = new LocalProcess(process, kafka, registry, http, data);
    if (!local.awaitUp()) {
      local.close();
      throw new IllegalStateException("sealtrail local did not come up within 3 minutes");
    }
    return local;
  }

  private boolean awaitUp() throws InterruptedException {
    CountDownLatch up = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (var lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  if (line.startsWith("Sealtrail is up")) {
                    Progress.say("  local: %s", line);
                    up.countDown();
                  }
                }
              } catch (IOException e) {
                // the process ended; awaitUp times out or close() follows
              }
            },
            "local-output");
    reader.setDaemon(true);
    reader.start();
    return up.await(3, TimeUnit.MINUTES);
  }

  public long pid() {
    return process.pid();
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + kafkaPort;
  }

  public String registryUrl() {
    return "http://127.0.0.1:" + registryPort;
  }

  public java.net.URI httpUrl() {
    return java.net.URI.create("http://127.0.0.1:" + httpPort);
  }

  public Path tokensDir() {
    return dataDir.resolve("tokens");
  }

  /** Stops it as Ctrl-C would, forcibly after a minute. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
  }
}
