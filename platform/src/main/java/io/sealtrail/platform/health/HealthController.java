package io.sealtrail.platform.health;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /health} (liveness) and {@code /health/readiness} of every service on this server, from
 * every {@link HealthCheck} bean: 200 when all are up, 503 naming each component and the reason of
 * each one down. No token: probes and load balancers call them. Absent when no service contributed
 * a check.
 */
@Controller("/health")
@Requires(beans = HealthCheck.class)
// A check may wait on a broker (ingest's probe, up to seconds): not on the event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
final class HealthController {
  private final List<HealthCheck> checks;

  HealthController(List<HealthCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  @Get
  HttpResponse<HealthReport> liveness() {
    Map<String, Health> found = new LinkedHashMap<>();
    checks.forEach(c -> c.liveness().ifPresent(h -> found.put(c.name(), h)));
    return answer(HealthReport.of(found));
  }

  @Get("/readiness")
  HttpResponse<HealthReport> readiness() {
    Map<String, Health> found = new LinkedHashMap<>();
    checks.forEach(c -> found.put(c.name(), c.check()));
    return answer(HealthReport.of(found));
  }

  private static HttpResponse<HealthReport> answer(HealthReport report) {
    return HttpResponse.status(report.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(report);
  }
}
