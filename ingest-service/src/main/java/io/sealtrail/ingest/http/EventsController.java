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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.metrics.IngestMetrics;
import io.sealtrail.ingest.pipeline.DryRun;
import io.sealtrail.ingest.submission.Submission;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * {@code POST /v1/events}: one DSSE envelope, a JSON array of them, or NDJSON, each handed to the
 * gateway byte for byte and answered with its committed outcome in request order.
 */
@Controller("/v1/events")
@Requires(beans = KafkaSubmissionGateway.class)
public final class EventsController {
  static final String NDJSON = "application/x-ndjson";

  private final KafkaSubmissionGateway gateway;
  private final IngestConfig.Http config;
  private final IngestMetrics metrics;
  private final Admission admission;
  private final DryRun dryRun;
  // Dry runs read outcome topics, blocking: never on the event loop.
  private final ExecutorService blocking;
  // Receipt time of submissions: the server's clock.
  private final Clock clock = Clock.systemUTC();

  EventsController(
      KafkaSubmissionGateway gateway,
      IngestConfig.Http config,
      IngestMetrics metrics,
      Admission admission,
      DryRun dryRun,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.gateway = gateway;
    this.config = config;
    this.metrics = metrics;
    this.admission = admission;
    this.dryRun = dryRun;
    this.blocking = blocking;
  }

  @Post(consumes = {MediaType.APPLICATION_JSON, NDJSON})
  CompletableFuture<HttpResponse<?>> submit(
      HttpRequest<?> request,
      @Body @Nullable byte[] sent,
      @QueryValue(defaultValue = "false") boolean dryRun) {
    admission.requireRunning();
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
    admission.requireFreshDirectory();
    List<Submission> submissions = submissions(request, split.envelopes());
    if (dryRun) {
      // Decided as the verifier would, off the event loop: nothing is sent anywhere.
      return CompletableFuture.supplyAsync(
          () -> dryRunAnswer(this.dryRun.check(submissions), split.batch()), blocking);
    }
    Timer.Sample sample = Timer.start();
    return gateway
        .submitAll(submissions)
        .whenComplete((results, failure) -> sample.stop(metrics.roundTrip(failure == null)))
        .<HttpResponse<?>>thenApply(results -> answer(results, split.batch()))
        .exceptionally(admission::unavailable);
  }

  private static SplitBody split(HttpRequest<?> request, byte[] body) {
    boolean ndjson =
        request.getContentType().map(type -> NDJSON.equals(type.getName())).orElse(false);
    return ndjson ? EnvelopeSplitter.ndjson(body) : EnvelopeSplitter.json(body);
  }

  private List<Submission> submissions(HttpRequest<?> request, List<byte[]> envelopes) {
    var receivedAt = clock.instant();
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

  private static HttpResponse<?> dryRunAnswer(List<DryRun.Result> results, boolean batch) {
    List<EventResult> answers = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      answers.add(EventResult.of(i, results.get(i)));
    }
    return respond(new EventsResponse(answers, true), batch);
  }

  private static HttpResponse<?> answer(
      List<io.sealtrail.ingest.gateway.SubmissionResult> results, boolean batch) {
    List<EventResult> answers = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      answers.add(EventResult.of(i, results.get(i)));
    }
    return respond(new EventsResponse(answers, null), batch);
  }

  private static HttpResponse<?> respond(EventsResponse response, boolean batch) {
    HttpStatus status = response.status(batch);
    return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(response);
  }
}
