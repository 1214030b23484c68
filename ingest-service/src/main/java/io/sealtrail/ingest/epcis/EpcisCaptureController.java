package io.sealtrail.ingest.epcis;

import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.sealtrail.epcis.capture.CaptureReport;
import io.sealtrail.epcis.capture.EpcisCapture;
import io.sealtrail.epcis.capture.EventOutcome;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.http.Admission;
import io.sealtrail.ingest.http.EnvelopeSplitter;
import io.sealtrail.ingest.http.EventResult;
import io.sealtrail.ingest.http.RequestTooLargeException;
import io.sealtrail.ingest.http.UnreadableBodyException;
import io.sealtrail.ingest.metrics.IngestMetrics;
import io.sealtrail.ingest.submission.CaptureItem;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.trust.ParsedEnvelope;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeSignature;
import io.sealtrail.trust.partner.KafkaPartnerDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/epcis/capture}: one DSSE envelope whose payload is a GS1 EPCIS 2.0 document
 * ({@link SubmissionVerifier#EPCIS_PAYLOAD_TYPE}), signed by the capturing partner. Each event of
 * the document becomes one submission carrying the whole envelope and the event's index, verified
 * by the verifier like any submission (exactly once, deduplicated per partner and custody event id)
 * as the custody event it means; the answer has one result per event, in document order.
 *
 * <p>The mapping here only decides what to submit (which events, and the assembly parts folded into
 * their device's event); the verifier maps the signed document again and decides alone. A document
 * that yields no event to answer (unreadable, not EPCIS, refused as a whole, empty) is one
 * submission for the whole document, so its rejection is recorded too.
 */
@Controller("/v1/epcis/capture")
@Requires(beans = KafkaSubmissionGateway.class)
public final class EpcisCaptureController {
  private final KafkaSubmissionGateway gateway;
  private final KafkaPartnerDirectory partners;
  private final IngestConfig.Http config;
  private final IngestMetrics metrics;
  private final Admission admission;
  private final EpcisCapture epcis = new EpcisCapture();
  private final Clock clock = Clock.systemUTC();

  EpcisCaptureController(
      KafkaSubmissionGateway gateway,
      KafkaPartnerDirectory partners,
      IngestConfig.Http config,
      IngestMetrics metrics,
      Admission admission) {
    this.gateway = gateway;
    this.partners = partners;
    this.config = config;
    this.metrics = metrics;
    this.admission = admission;
  }

  @Post(consumes = MediaType.APPLICATION_JSON)
  CompletableFuture<HttpResponse<?>> capture(HttpRequest<?> request, @Body @Nullable byte[] sent) {
    admission.requireRunning();
    byte[] body = sent == null ? new byte[0] : sent;
    if (body.length > KafkaSubmissionGateway.MAX_ENVELOPE_BYTES) {
      throw new RequestTooLargeException(
          "a capture envelope of "
              + body.length
              + " bytes is above the limit of "
              + KafkaSubmissionGateway.MAX_ENVELOPE_BYTES
              + ": split the document");
    }
    if (EnvelopeSplitter.json(body).batch()) {
      throw new UnreadableBodyException("a capture is one envelope object, not an array", 1, 1, 0);
    }
    admission.requireFreshDirectory();
    Plan plan = plan(body);
    if (plan.submitted().size() > config.maxBatchSize()) {
      throw new RequestTooLargeException(
          plan.submitted().size()
              + " events are above the limit of "
              + config.maxBatchSize()
              + ": split the document");
    }
    Instant receivedAt = clock.instant();
    String remote = request.getRemoteAddress().toString();
    List<Submission> submissions =
        plan.submitted().stream()
            .map(
                index ->
                    Submission.capture(
                        body, receivedAt, remote, new CaptureItem(plan.partnerId(), index)))
            .toList();
    Timer.Sample sample = Timer.start();
    return gateway
        .submitAll(submissions)
        .whenComplete((results, failure) -> sample.stop(metrics.roundTrip(failure == null)))
        .<HttpResponse<?>>thenApply(results -> answer(plan, results))
        .exceptionally(admission::unavailable);
  }

  /**
   * What to submit: the capturing partner (the holder of the first registered key that signed,
   * claimed until the verifier checks its signature), the index of each event that is answered on
   * its own, and the events folded into another's custody event.
   */
  private record Plan(
      String partnerId,
      List<Integer> submitted,
      Map<Integer, String> folded,
      Map<Integer, String> eventIds,
      int events) {}

  private Plan plan(byte[] body) {
    ParsedEnvelope parsed = ParsedEnvelope.parse(body);
    String partnerId = capturingPartner(parsed);
    Optional<CaptureReport.Events> report =
        parsed
            .envelope()
            .filter(e -> SubmissionVerifier.EPCIS_PAYLOAD_TYPE.equals(e.payloadType()))
            .flatMap(e -> parsed.payload())
            .map(document -> epcis.map(document, partnerId))
            .filter(CaptureReport.Events.class::isInstance)
            .map(CaptureReport.Events.class::cast)
            .filter(events -> !events.outcomes().isEmpty());
    if (report.isEmpty()) {
      return new Plan(partnerId, List.of(CaptureItem.DOCUMENT), Map.of(), Map.of(), 0);
    }
    List<Integer> submitted = new ArrayList<>();
    Map<Integer, String> folded = new java.util.HashMap<>();
    Map<Integer, String> eventIds = new java.util.HashMap<>();
    for (EventOutcome outcome : report.get().outcomes()) {
      if (outcome instanceof EventOutcome.Folded f) {
        folded.put(f.index(), f.into());
        continue;
      }
      if (outcome instanceof EventOutcome.Mapped m) {
        eventIds.put(m.index(), m.custodyEvent().path("eventId").asText(null));
      }
      submitted.add(outcome.index());
    }
    return new Plan(partnerId, submitted, folded, eventIds, report.get().outcomes().size());
  }

  /**
   * The partner holding the first signature's key that one partner holds; else the first keyid,
   * else a fresh id (the verifier refuses such a document, by an unknown key, whatever partner).
   */
  private String capturingPartner(ParsedEnvelope parsed) {
    var directory = partners.get();
    for (EnvelopeSignature signature :
        parsed.envelope().map(Envelope::signatures).orElse(List.of())) {
      Set<String> holders = directory.holders(signature.keyid());
      if (holders.size() == 1) {
        return holders.iterator().next();
      }
    }
    return parsed.firstKeyId().orElseGet(() -> UUID.randomUUID().toString());
  }

  private static HttpResponse<?> answer(Plan plan, List<SubmissionResult> results) {
    List<CaptureResult> answers = new ArrayList<>();
    if (plan.events() == 0) {
      answers.add(CaptureResult.of(null, EventResult.of(0, results.get(0)), null));
    } else {
      Map<Integer, CaptureResult> byIndex = new java.util.HashMap<>();
      for (int i = 0; i < results.size(); i++) {
        int index = plan.submitted().get(i);
        byIndex.put(
            index,
            CaptureResult.of(index, EventResult.of(index, results.get(i)), null)
                .withEventId(plan.eventIds().get(index)));
      }
      for (int index = 0; index < plan.events(); index++) {
        String into = plan.folded().get(index);
        answers.add(into == null ? byIndex.get(index) : folded(index, into, byIndex));
      }
    }
    var response = new CaptureResponse(answers);
    return HttpResponse.status(response.status())
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(response);
  }

  /** A folded event's answer: the answer of the event it is part of, at its own index. */
  private static CaptureResult folded(int index, String into, Map<Integer, CaptureResult> byIndex) {
    int target = Integer.parseInt(into.substring(into.lastIndexOf('/') + 1));
    CaptureResult of = byIndex.get(target);
    return new CaptureResult(
        index,
        of.status(),
        of.eventId(),
        of.partition(),
        of.offset(),
        of.reason(),
        of.field(),
        of.signatureIndex(),
        of.detail(),
        of.pointer(),
        of.code(),
        into);
  }
}
