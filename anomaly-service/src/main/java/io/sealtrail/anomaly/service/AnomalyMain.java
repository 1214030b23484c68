package io.sealtrail.anomaly.service;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.env.EnvConfig;
import io.sealtrail.platform.health.ExitWhenStreamsStop;
import io.sealtrail.platform.health.StreamsHealthCheck;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.PlatformHttpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The standalone anomaly service: {@code AnomalyMain [anomaly-service.properties]}, environment
 * variables overriding the file (see the README), the HTTP API on {@code sealtrail.http.port}.
 * Exits when the streams stop on their own, so the orchestrator restarts the instance.
 */
public final class AnomalyMain {
  private AnomalyMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(
          "usage: AnomalyMain [anomaly-service.properties]\n"
              + "Configuration keys and their environment variables: anomaly-service/README.md");
      return;
    }
    Map<String, String> flat =
        FlatConfig.load(
            args.length == 0 ? null : Path.of(args[0]), System.getenv(), ServiceConfig.ENV_KEYS);
    // KAFKA_CLIENT_* variables: client settings such as security (deploy/README.md).
    flat.putAll(EnvConfig.kafkaClientSettings(System.getenv()));
    ServiceConfig config = ServiceConfig.from(flat);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // The port other instances forward chart reads to must be known before the streams exist.
    HttpBinding binding =
        new HttpBinding(config.httpHost(), config.httpPort())
            .withManagementPort(HttpBinding.managementPort(flat))
            .withConcretePort();
    String advertisedHost =
        flat.getOrDefault(
            "sealtrail.http.advertised-host",
            System.getenv().getOrDefault("HOSTNAME", "localhost"));
    AnomalyService service =
        AnomalyService.start(config, registry, new HostInfo(advertisedHost, binding.port()));
    List<Object> beans = new ArrayList<>(service.httpBeans());
    beans.add(RoleTokens.load(config.tokenDir()));
    // Scraped by the platform's /prometheus; in local mode ingest's registry is the one served.
    beans.add(registry);
    // Metrics on the management port only (the binding above): the meters name every partner.
    PlatformHttpServer server = PlatformHttpServer.start(binding, beans);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  service.close();
                },
                "anomaly-shutdown"));
    System.out.println(
        "anomaly-service is up: HTTP on "
            + server.url()
            + ", metrics on "
            + server.managementUrl().orElseThrow());
    ExitWhenStreamsStop.watch(
        new StreamsHealthCheck("anomaly-service's streams", () -> service.state().name()));
  }
}
