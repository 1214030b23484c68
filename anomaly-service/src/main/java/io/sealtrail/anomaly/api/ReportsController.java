package io.sealtrail.anomaly.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.anomaly.report.ResponseReport;
import io.sealtrail.anomaly.view.AlertArchive;
import io.sealtrail.anomaly.view.AlertJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /v1/reports/response?from&to}: the response report over the alerts raised in [from,
 * to) (default: the 30 days up to now), computed from the compacted alerts topic itself ({@link
 * AlertArchive}), so every instance answers alike and a restart changes nothing.
 */
@Controller("/v1/reports")
@Requires(beans = AlertArchive.class)
final class ReportsController {
  static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  private final AlertArchive archive;
  private final Clock clock = Clock.systemUTC();

  ReportsController(AlertArchive archive) {
    this.archive = archive;
  }

  @Get(uri = "/response", produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> response(HttpRequest<?> request) {
    Instant to = AlertQueryParams.time(request.getParameters(), "to");
    Instant from = AlertQueryParams.time(request.getParameters(), "from");
    Instant end = to == null ? clock.instant() : to;
    Instant start = from == null ? end.minus(DEFAULT_PERIOD) : from;
    if (!start.isBefore(end)) {
      throw AlertProblems.invalidQuery("from", start.toString(), "a time before to (" + end + ")");
    }
    String body = AlertJson.write(ResponseReport.of(archive.readAll().values(), start, end));
    return AlertsController.json(HttpStatus.OK, body);
  }
}
