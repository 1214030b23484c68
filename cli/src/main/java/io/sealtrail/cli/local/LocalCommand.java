package io.sealtrail.cli.local;

import io.sealtrail.cli.demo.DemoRun;
import io.sealtrail.cli.demo.DemoSettings;
import io.sealtrail.cli.demo.DemoTarget;
import io.sealtrail.platform.http.HttpBinding;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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
          + "every HTTP route on one port. The tokens of the named users local-admin, local-secops, local-recall and local-auditor are written to <data-dir>/tokens/<role>.token. Data "
          + "survives restarts. Stop with Ctrl-C."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped with Ctrl-C, or with --exit the demo passed",
      "1:a service stopped on its own (one line on stderr names it and the log file; the rest"
          + " is closed cleanly), or with --exit the demo failed",
      "130:stopped with Ctrl-C while starting"
    })
public final class LocalCommand implements Callable<Integer> {
  /** The shell's code for a process ended by SIGINT. */
  private static final int STOPPED_WHILE_STARTING = 130;

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
      names = "--management-port",
      description =
          "Where /prometheus answers, apart from the API: the meters name every partner "
              + "(default: ${DEFAULT-VALUE}; 0 picks a free port).")
  int managementPort = HttpBinding.DEFAULT_MANAGEMENT_PORT;

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
    var config =
        new LocalConfig(
            dataDir,
            host,
            kafkaPort,
            controllerPort,
            registryPort,
            httpPort,
            managementPort,
            Map.of());
    if (demo) {
      config = config.with(DemoSettings.PLATFORM);
    }
    out.printf("Starting Sealtrail locally in %s ...%n", config.dataDir().toAbsolutePath());
    out.flush();
    long started = System.nanoTime();
    LocalPlatform platform = LocalPlatform.create(step -> progress(out, step));
    // Closed in reverse: the platform first, then the hook is removed.
    try (StopOnSignal signal = StopOnSignal.register(platform, out);
        platform) {
      try {
        platform.boot(config);
      } catch (Exception e) {
        if (signal.signalled().isDone()) {
          return STOPPED_WHILE_STARTING;
        }
        throw e;
      }
      platform.death().thenAccept(this::reportDeath);
      new ReadyBanner(platform, config, Duration.ofNanos(System.nanoTime() - started)).print(out);
      boolean passed = !demo || playDemo(platform, config);
      if (!exit) {
        CompletableFuture.anyOf(signal.signalled(), platform.death()).join();
      }
      return platform.death().isDone() || (exit && !passed) ? 1 : 0;
    }
  }

  /** One line on stderr, at once, even while the demo plays; the full story is in the log. */
  private void reportDeath(ServiceWatch.Death death) {
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "sealtrail local: %s stopped (%s); see %s. Closing the rest, then exiting with 1.%n",
        death.service(), death.reason(), logFile());
    err.flush();
  }

  /** Where logback.xml writes the log. */
  private static Path logFile() {
    String dir =
        System.getProperty(
            "sealtrail.log.dir",
            Path.of(System.getProperty("user.home"), ".sealtrail", "logs").toString());
    return Path.of(dir, "sealtrail.log");
  }

  private boolean playDemo(LocalPlatform platform, LocalConfig config) throws Exception {
    return new DemoRun(
            DemoTarget.onLocal(platform, config),
            spec.commandLine().getOut(),
            spec.commandLine().getErr())
        .play(demoSettings.options(Instant.now()), demoSettings.rate(), demoSettings.timeout());
  }

  private static void progress(PrintWriter out, String step) {
    out.printf("  %s ...%n", step);
    out.flush();
  }
}
