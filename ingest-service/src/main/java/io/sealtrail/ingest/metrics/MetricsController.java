package io.sealtrail.ingest.metrics;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.sealtrail.ingest.http.IngestBackend;

/** {@code GET /prometheus}: every meter in the Prometheus text format, for scraping. */
@Controller("/prometheus")
@Requires(beans = IngestBackend.class)
final class MetricsController {
  private final IngestBackend backend;

  MetricsController(IngestBackend backend) {
    this.backend = backend;
  }

  @Get
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  String scrape() {
    return backend.metrics().scrape();
  }
}
