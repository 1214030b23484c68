package io.sealtrail.platform.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.sealtrail.platform.http.PlatformHttpServer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /prometheus}: every meter of every {@link PrometheusMeterRegistry} bean in the server,
 * in the Prometheus text format, so one port serving several services (local mode) shows them all
 * at one route. Services that share one registry register it once or several times alike. Served
 * only by the management server ({@link PlatformHttpServer#MANAGEMENT_PROPERTY}): the meters name
 * every registered partner with its reject counts, which the open API port must not show.
 */
@Controller("/prometheus")
@Requires(beans = PrometheusMeterRegistry.class)
@Requires(property = PlatformHttpServer.MANAGEMENT_PROPERTY, value = "true")
final class PrometheusController {
  private final List<PrometheusMeterRegistry> registries;

  PrometheusController(List<PrometheusMeterRegistry> registries) {
    // The same registry given by two services is scraped once: a meter must not appear twice.
    Set<PrometheusMeterRegistry> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    this.registries = registries.stream().filter(distinct::add).toList();
  }

  @Get
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  String scrape() {
    return registries.stream().map(PrometheusMeterRegistry::scrape).collect(Collectors.joining());
  }
}
