package io.sealtrail.custody.query;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code /health} (the HTTP server answers) and {@code /health/readiness}: 200 only while the
 * streams are {@code RUNNING}, so that an orchestrator sends queries and counts an instance as
 * available only then (503 while starting, rebalancing or stopped). No token needed.
 */
@Controller("/health")
final class ReadinessController {
  private final StoreReader reader;

  ReadinessController(StoreReader reader) {
    this.reader = reader;
  }

  /** The state of one probe. */
  @Serdeable
  record Health(String status) {}

  @Get
  HttpResponse<Health> liveness() {
    return HttpResponse.ok(new Health("UP"));
  }

  @Get("/readiness")
  HttpResponse<Health> readiness() {
    boolean ready = reader.ready();
    return HttpResponse.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(new Health(ready ? "UP" : "DOWN"));
  }
}
