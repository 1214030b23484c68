package io.sealtrail.cli.local;

import io.sealtrail.cli.demo.DemoRun;
import io.sealtrail.cli.demo.DemoSettings;
import io.sealtrail.cli.demo.DemoTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sealtrail local}: the whole platform in this process, until Ctrl-C. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Start Sealtrail locally: a real Kafka broker (KRaft), the schema registry, ingest, "
          + "custody-stream and anomaly-service in this process, with every service's topics and "
          + "every HTTP route on one port. Role tokens are created under <data-dir>/tokens. Data "
          + "survives restarts. Stop with Ctrl-C."
    })
public final class LocalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where Kafka, the registry, the streams and the role tokens keep their data "
              + "(default: ${DEFAULT-VALUE}).")
  Path dataDir = LocalConfig.DEFAULT_DATA_DIR;

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = "localhost";

  @Option(names = "--kafka-port", description = "Kafka bootstrap port (default: ${DEFAULT-VALUE}).")
  int kafkaPort = 9092;

  @Option(
      names = "--controller-port",
      description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
  int controllerPort = 9093;

  @Option(
      names = "--registry-port",
      description = "Schema registry port (default: ${DEFAULT-VALUE}).")
  int registryPort = 8081;

  @Option(
      names = "--http-port",
      description =
          "The one HTTP port of every route: events, partners, serials, lots, health "
              + "(default: ${DEFAULT-VALUE}).")
  int httpPort = 8080;

  @Option(
      names = "--demo",
      description =
          "Once up, play the demo supply chain with one of each tampering case, and print what was"
              + " detected (see `sealtrail demo --help`). Spike windows are 20 s instead of 1 h.")
  boolean demo;

  @Option(
      names = "--exit",
      description =
          "With --demo: stop after the summary; exit 1 if a case was missed or a false alert"
              + " raised.")
  boolean exit;

  @Mixin DemoSettings demoSettings;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (exit && !demo) {
      throw new ParameterException(spec.commandLine(), "--exit goes with --demo");
    }
    var config = new LocalConfig(dataDir, host, kafkaPort, controllerPort, registryPort, httpPort);
    if (demo) {
      config = config.with(DemoSettings.PLATFORM);
    }
    out.printf("Starting Sealtrail locally in %s ...%n", config.dataDir().toAbsolutePath());
    out.flush();
    long started = System.nanoTime();
    var stopped = new CountDownLatch(1);
    try (LocalPlatform platform = LocalPlatform.start(config, step -> progress(out, step))) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(platform, stopped, out)));
      new ReadyBanner(platform, config, Duration.ofNanos(System.nanoTime() - started)).print(out);
      if (demo && !playDemo(platform, config) && exit) {
        return 1;
      }
      if (!exit) {
        stopped.await();
      }
    }
    return 0;
  }

  private boolean playDemo(LocalPlatform platform, LocalConfig config) throws Exception {
    return new DemoRun(DemoTarget.onLocal(platform, config), spec.commandLine().getOut(), spec.commandLine().getErr())
        .play(demoSettings.options(Instant.now()), demoSettings.rate(), demoSettings.timeout());
  }

  private static void progress(PrintWriter out, String step) {
    out.printf("  %s ...%n", step);
    out.flush();
  }

  private static void stopOnSignal(
      LocalPlatform platform, CountDownLatch stopped, PrintWriter out) {
    out.println("Stopping Sealtrail ...");
    out.flush();
    try {
      platform.close();
      out.println("Stopped cleanly.");
    } catch (Exception e) {
      out.println("Stopped with an error: " + e.getMessage());
    } finally {
      out.flush();
      stopped.countDown();
    }
  }
}
