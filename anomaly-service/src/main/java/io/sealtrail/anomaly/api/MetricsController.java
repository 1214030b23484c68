package io.sealtrail.anomaly.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.sealtrail.anomaly.service.PrometheusScrape;

/** {@code GET /prometheus} of the standalone service: every meter in the Prometheus text format. */
@Controller("/prometheus")
@Requires(beans = PrometheusScrape.class)
final class MetricsController {
  private final PrometheusScrape scrape;

  MetricsController(PrometheusScrape scrape) {
    this.scrape = scrape;
  }

  @Get
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  String scrape() {
    return scrape.registry().scrape();
  }
}
