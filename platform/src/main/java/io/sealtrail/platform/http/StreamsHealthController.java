package io.sealtrail.platform.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code /health} and {@code /health/readiness} of a Kafka Streams service: 200 {@code UP} or 503
 * {@code DOWN} from its {@link StreamsHealth}. No token: probes and load balancers call them.
 */
@Controller("/health")
@Requires(beans = StreamsHealth.class)
final class StreamsHealthController {
  private final StreamsHealth health;

  StreamsHealthController(StreamsHealth health) {
    this.health = health;
  }

  /** The state of one probe. */
  @Serdeable
  record Status(String status) {}

  @Get
  HttpResponse<Status> liveness() {
    return answer(health.alive());
  }

  @Get("/readiness")
  HttpResponse<Status> readiness() {
    return answer(health.ready());
  }

  private static HttpResponse<Status> answer(boolean up) {
    return HttpResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(new Status(up ? "UP" : "DOWN"));
  }
}
