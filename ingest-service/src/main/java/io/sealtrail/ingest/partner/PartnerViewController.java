package io.sealtrail.ingest.partner;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.outcome.OutcomeLog;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import io.sealtrail.platform.http.ServiceUnavailableException;
import io.sealtrail.trust.partner.KafkaPartnerDirectory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * A partner's own view (ADR 11), under the partner credential ({@link PartnerCredential}): its
 * outcomes and rejections, and whether one of its events was recorded. Never another partner's: a
 * request signed by another partner's key is 403.
 */
@Controller("/v1/partners/{partnerId}")
@Requires(beans = OutcomeLog.class)
@ExecuteOn(TaskExecutors.BLOCKING)
final class PartnerViewController {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final OutcomeLog outcomes;
  private final PartnerCredential credential;
  private final KafkaPartnerDirectory directory;
  private final IngestConfig.Http config;

  PartnerViewController(
      OutcomeLog outcomes,
      PartnerCredential credential,
      KafkaPartnerDirectory directory,
      IngestConfig.Http config) {
    this.outcomes = outcomes;
    this.credential = credential;
    this.directory = directory;
    this.config = config;
  }

  /** The answer of {@code GET .../outcomes}: a page, and the {@code since} of the next one. */
  @Serdeable
  record OutcomesPage(String partnerId, List<OutcomeView> outcomes, long next) {}

  /**
   * The answer of {@code GET .../events/{eventId}}: recorded with its position on custody.events,
   * or not (never accepted, or accepted longer ago than the outcome retention, by which time ingest
   * refuses it as too old).
   */
  @Serdeable
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record EventRecord(
      String partnerId,
      String eventId,
      boolean recorded,
      Integer partition,
      Long offset,
      String payloadSha256,
      String receivedAt) {}

  @Get("/outcomes")
  OutcomesPage outcomes(
      HttpRequest<?> request,
      @PathVariable String partnerId,
      @QueryValue @Nullable String since,
      @QueryValue @Nullable String limit) {
    admit(request, partnerId);
    OutcomeLog.Page page = outcomes.read(partnerId, from(since), limit(limit));
    return new OutcomesPage(
        partnerId, page.outcomes().stream().map(OutcomeView::of).toList(), page.next());
  }

  @Get("/events/{eventId}")
  EventRecord event(
      HttpRequest<?> request, @PathVariable String partnerId, @PathVariable String eventId) {
    admit(request, partnerId);
    return outcomes.accepted(partnerId, Set.of(eventId), Instant.EPOCH).values().stream()
        .findFirst()
        .map(
            a ->
                new EventRecord(
                    partnerId,
                    eventId,
                    true,
                    a.partition(),
                    a.offset(),
                    a.payloadSha256(),
                    a.receivedAt().toString()))
        .orElseGet(() -> new EventRecord(partnerId, eventId, false, null, null, null, null));
  }

  private void admit(HttpRequest<?> request, String partnerId) {
    if (!directory.isFresh(config.directoryMaxAge())) {
      // A stale directory might still hold a key revoked since.
      throw new ServiceUnavailableException(
          "partner directory is stale", config.retryAfter(), null);
    }
    credential.admit(request, partnerId);
  }

  private static OutcomeLog.From from(String since) {
    if (since == null || since.isBlank()) {
      return new OutcomeLog.From.Position(0);
    }
    if (since.chars().allMatch(Character::isDigit)) {
      try {
        return new OutcomeLog.From.Position(Long.parseLong(since));
      } catch (NumberFormatException e) {
        throw badRequest("since is too large");
      }
    }
    try {
      return new OutcomeLog.From.Time(Instant.parse(since));
    } catch (DateTimeParseException e) {
      throw badRequest("since is a position (a whole number) or an RFC 3339 time");
    }
  }

  private static int limit(String limit) {
    if (limit == null || limit.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw badRequest("limit is a whole number from 1 to " + MAX_LIMIT);
  }

  private static ProblemException badRequest(String detail) {
    return new ProblemException(
        Problem.of("bad-request", "Bad request", HttpStatus.BAD_REQUEST, detail));
  }
}
