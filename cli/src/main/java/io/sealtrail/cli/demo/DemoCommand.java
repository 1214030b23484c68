package io.sealtrail.cli.demo;

import io.sealtrail.cli.http.ServiceUrl;
import io.sealtrail.cli.local.LocalConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sealtrail demo}: plays the demo against a platform that is already running. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Play the demo supply chain against a running Sealtrail (by default `sealtrail local`'s):"
          + " registers the demo partners, sends a realistic supply chain with one of each"
          + " tampering case and some noise, waits for the alerts and prints a summary.",
      "Needs the alerts on Kafka: --bootstrap-server and --registry."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every case detected, no false alert",
      "1:a case missed or a false alert",
      "2:the platform could not be reached or refused the demo"
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ServiceUrl service;
  @Mixin DemoSettings settings;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Local mode's data directory, for its tokens (default: ${DEFAULT-VALUE}).")
  Path dataDir = LocalConfig.DEFAULT_DATA_DIR;

  @Option(
      names = "--bootstrap-server",
      paramLabel = "HOST:PORT",
      description = "Kafka, to read custody.alerts (default: ${DEFAULT-VALUE}).")
  String bootstrap = "localhost:9092";

  @Option(
      names = "--registry",
      paramLabel = "URL",
      description = "Schema registry (default: ${DEFAULT-VALUE}).")
  URI registry = URI.create("http://localhost:8081");

  @Override
  public Integer call() throws Exception {
    var target =
        new DemoTarget(
            service.resolve("/"), dataDir.resolve("tokens"), bootstrap, registry.toString());
    var out = spec.commandLine().getOut();
    var run = new DemoRun(target, out, spec.commandLine().getErr());
    return run.play(settings.options(Instant.now()), settings.rate(), settings.timeout()) ? 0 : 1;
  }
}
