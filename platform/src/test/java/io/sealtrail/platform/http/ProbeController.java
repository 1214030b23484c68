package io.sealtrail.platform.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A service's routes as the platform sees them: present only when their backend bean is. */
@Controller("/probe")
@Requires(beans = ProbeBackend.class)
final class ProbeController {
  private final ProbeBackend backend;

  ProbeController(ProbeBackend backend) {
    this.backend = backend;
  }

  @Serdeable
  record Greeting(String name) {}

  @Get
  String hello() {
    return backend.greeting();
  }

  @Post(consumes = MediaType.APPLICATION_JSON)
  String greet(@Body Greeting greeting) {
    return backend.greeting() + " " + greeting.name();
  }

  @Get("/broken")
  String broken() {
    throw new IllegalStateException("secret internals");
  }

  @Get("/busy")
  String busy() {
    throw busyProblem();
  }

  @Get("/busy-later")
  CompletableFuture<String> busyLater() {
    return CompletableFuture.failedFuture(busyProblem());
  }

  @Get("/secret")
  String secret() {
    return "for admins";
  }

  private static ProblemException busyProblem() {
    return new ProblemException(
        Problem.of("busy", "Busy", HttpStatus.SERVICE_UNAVAILABLE, "try later"),
        ProblemException.retryAfter(Duration.ofSeconds(7)),
        null);
  }
}
