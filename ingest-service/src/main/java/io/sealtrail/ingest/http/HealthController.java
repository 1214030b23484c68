package io.sealtrail.ingest.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * {@code /health} (liveness: the node's loops run) and {@code /health/readiness} (submissions can
 * be verified now: a broker answers and the partner directory is caught up and fresh). Both answer
 * 503 when not.
 */
@Controller("/health")
@Requires(beans = IngestBackend.class)
@ExecuteOn(TaskExecutors.BLOCKING)
final class HealthController {
  private final IngestBackend backend;
  private final IngestHttpConfig config;

  HealthController(IngestBackend backend, IngestHttpConfig config) {
    this.backend = backend;
    this.config = config;
  }

  /** The state of one probe and of what it checked. */
  @Serdeable
  record Health(String status, Map<String, String> checks) {}

  @Get
  HttpResponse<Health> liveness() {
    boolean running = !backend.stopped().isDone();
    return answer(running, Map.of("ingestNode", up(running)));
  }

  @Get("/readiness")
  HttpResponse<Health> readiness() {
    boolean running = !backend.stopped().isDone();
    boolean fresh = backend.partners().isFresh(config.directoryMaxAge());
    boolean kafka = backend.kafka().reachable();
    return answer(
        running && fresh && kafka,
        Map.of(
            "ingestNode", up(running),
            "partnerDirectory", up(fresh),
            "kafka", up(kafka)));
  }

  private static String up(boolean check) {
    return check ? "UP" : "DOWN";
  }

  private static HttpResponse<Health> answer(boolean up, Map<String, String> checks) {
    var health = new Health(up ? "UP" : "DOWN", checks);
    return HttpResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(health);
  }
}
