package io.sealtrail.ingest.http;

import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.gateway.KafkaUnavailableException;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.platform.http.ServiceUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /v1/events}: one DSSE envelope, a JSON array of them, or NDJSON, each handed to the
 * gateway byte for byte and answered with its committed outcome in request order.
 */
@Controller("/v1/events")
@Requires(beans = IngestBackend.class)
public final class EventsController {
  static final String NDJSON = "application/x-ndjson";

  private final IngestBackend backend;
  private final IngestHttpConfig config;

  EventsController(IngestBackend backend, IngestHttpConfig config) {
    this.backend = backend;
    this.config = config;
  }

  @Post(consumes = {MediaType.APPLICATION_JSON, NDJSON})
  CompletableFuture<HttpResponse<?>> submit(HttpRequest<?> request, @Body @Nullable byte[] sent) {
    if (backend.stopped().isDone()) {
      // The node's loops ended: no outcome would ever come, so do not wait the reply timeout.
      throw new ServiceUnavailableException(
          "ingest has stopped: restart the service", config.retryAfter(), null);
    }
    byte[] body = sent == null ? new byte[0] : sent;
    if (body.length > config.maxBodyBytes()) {
      throw new RequestTooLargeException(
          "body of " + body.length + " bytes is above the limit of " + config.maxBodyBytes());
    }
    SplitBody split = split(request, body);
    if (split.envelopes().size() > config.maxBatchSize()) {
      throw new RequestTooLargeException(
          split.envelopes().size() + " envelopes are above the limit of " + config.maxBatchSize());
    }
    if (!backend.partners().isFresh(config.directoryMaxAge())) {
      throw new ServiceUnavailableException(
          "partner directory is stale", config.retryAfter(), null);
    }
    List<Submission> submissions = submissions(request, split.envelopes());
    Timer.Sample sample = Timer.start(backend.metrics());
    return backend
        .gateway()
        .submitAll(submissions)
        .whenComplete((results, failure) -> sample.stop(roundTrip(failure)))
        .<HttpResponse<?>>thenApply(results -> answer(results, split.batch()))
        .exceptionally(this::unavailable);
  }

  /**
   * A gateway failure (Kafka did not take or answer in time) as the same 503 a stale directory
   * gives, with the one configured Retry-After: clients see one pacing whatever is missing.
   */
  private <T> T unavailable(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof KafkaUnavailableException kafka) {
      throw new ServiceUnavailableException(kafka.getMessage(), config.retryAfter(), kafka);
    }
    throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(cause);
  }

  /** Time from handing a request's envelopes to Kafka until every outcome is committed. */
  private Timer roundTrip(Throwable failure) {
    return Timer.builder("sealtrail.http.events.round.trip")
        .description("From sending a request's envelopes to Kafka until all outcomes committed")
        .tag("result", failure == null ? "answered" : "unavailable")
        .register(backend.metrics());
  }

  private static SplitBody split(HttpRequest<?> request, byte[] body) {
    boolean ndjson =
        request.getContentType().map(type -> NDJSON.equals(type.getName())).orElse(false);
    return ndjson ? EnvelopeSplitter.ndjson(body) : EnvelopeSplitter.json(body);
  }

  private List<Submission> submissions(HttpRequest<?> request, List<byte[]> envelopes) {
    var receivedAt = backend.clock().instant();
    String remote = request.getRemoteAddress().toString();
    List<Submission> submissions = new ArrayList<>(envelopes.size());
    for (int i = 0; i < envelopes.size(); i++) {
      if (envelopes.get(i).length > KafkaSubmissionGateway.MAX_ENVELOPE_BYTES) {
        throw new RequestTooLargeException(
            "envelope is above the limit of " + KafkaSubmissionGateway.MAX_ENVELOPE_BYTES,
            Map.of("index", (long) i));
      }
      submissions.add(Submission.http(envelopes.get(i), receivedAt, remote));
    }
    return submissions;
  }

  private static HttpResponse<?> answer(
      List<io.sealtrail.ingest.gateway.SubmissionResult> results, boolean batch) {
    List<EventResult> answers = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      answers.add(EventResult.of(i, results.get(i)));
    }
    var response = new EventsResponse(answers);
    HttpStatus status = response.status(batch);
    return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(response);
  }
}
