package io.sealtrail.anomaly.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.anomaly.lifecycle.AlertCommands;
import io.sealtrail.anomaly.lifecycle.CommandSender;
import io.sealtrail.anomaly.view.AlertArchive;
import io.sealtrail.anomaly.view.AlertJson;
import io.sealtrail.anomaly.view.AlertQuery;
import io.sealtrail.anomaly.view.AlertView;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertCommand;
import io.sealtrail.avro.alert.AlertStatus;
import io.sealtrail.avro.common.AlertOutcome;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.audit.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The alerts: list with filters, one alert, and the acknowledge, assign and resolve commands, each
 * recorded in the audit log once Kafka holds it.
 */
@Controller("/v1/alerts")
@Requires(beans = {AlertView.class, CommandSender.class, AuditLog.class})
final class AlertsController {
  /**
   * Bounds how long a command for an id the view does not know waits for the view to reach the log
   * end (it trails the store by ~100 ms). The wait ends as soon as the view has caught up, so a
   * truly unknown id is answered 404 at once; the bound only matters on a view far behind, e.g. on
   * a loaded machine, where a false 404 would be worse than a slow answer.
   */
  private static final Duration COMMAND_PATIENCE = Duration.ofSeconds(10);

  private final AlertView alerts;
  private final CommandSender commands;
  private final AlertArchive archive;
  private final AuditLog audit;

  AlertsController(AlertView alerts, CommandSender commands, AlertArchive archive, AuditLog audit) {
    this.alerts = alerts;
    this.commands = commands;
    this.archive = archive;
    this.audit = audit;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> list(HttpRequest<?> request) {
    AlertQuery query = AlertQueryParams.read(request.getParameters());
    List<Alert> found = withArchived(query, alerts.find(query));
    boolean truncated = found.size() > query.limit();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("alerts", found.stream().limit(query.limit()).map(AlertJson::tree).toList());
    json.put("truncated", truncated);
    return json(HttpStatus.OK, AlertJson.write(json));
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> one(@PathVariable String id) {
    // A resolved alert past its retention has left the view; the compacted topic still holds it.
    Alert alert =
        alerts
            .get(id)
            .or(() -> Optional.ofNullable(archive.readAll().get(id)))
            .orElseThrow(() -> AlertProblems.notFound("alert " + id));
    return json(HttpStatus.OK, AlertJson.write(alert));
  }

  // Resolved alerts may have left the view: a query for them also reads the archive.
  private List<Alert> withArchived(AlertQuery query, List<Alert> fromView) {
    if (query.status() != AlertStatus.RESOLVED) {
      return fromView;
    }
    Map<String, Alert> merged = new LinkedHashMap<>();
    archive.readAll().values().stream()
        .filter(query::matches)
        .forEach(a -> merged.put(a.getAlertId(), a));
    // The view may be a moment ahead of what this read saw; its version wins.
    fromView.forEach(a -> merged.put(a.getAlertId(), a));
    return merged.values().stream()
        .sorted(AlertView.NEWEST_FIRST)
        .limit(query.limit() + 1L)
        .toList();
  }

  @Post(uri = "/{id}/acknowledge", produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> acknowledge(
      HttpRequest<?> request, @PathVariable String id, @Nullable @Body CommandBody body) {
    return command(request, id, AlertStatus.ACKNOWLEDGED, body);
  }

  @Post(uri = "/{id}/resolve", produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> resolve(
      HttpRequest<?> request, @PathVariable String id, @Nullable @Body CommandBody body) {
    // Checked before anything else, so a resolution that says nothing is refused at once.
    AlertOutcome outcome = Triage.outcome(body);
    String note = Triage.resolutionNote(body);
    return command(
        request,
        id,
        body,
        "RESOLVED",
        AuditActions.ALERT_RESOLVED,
        by -> AlertCommands.resolve(id, by, outcome, note));
  }

  @Post(uri = "/{id}/assign", produces = MediaType.APPLICATION_JSON)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<String> assign(
      HttpRequest<?> request, @PathVariable String id, @Nullable @Body CommandBody body) {
    String assignee = Triage.assignee(body);
    return command(
        request,
        id,
        body,
        "assigned to " + assignee,
        AuditActions.ALERT_ASSIGNED,
        by -> AlertCommands.assign(id, by, assignee, body.note()));
  }

  private HttpResponse<String> command(
      HttpRequest<?> request, String id, AlertStatus target, CommandBody body) {
    return command(
        request,
        id,
        body,
        target.name(),
        AuditActions.ALERT_ACKNOWLEDGED,
        by -> AlertCommands.to(id, target, by, body == null ? null : body.note()));
  }

  // 202 only once Kafka holds the command and the audit log its record; the streams apply it and
  // the alert's next version shows it. The transition is checked against the view first so an
  // operator learns of a conflict now.
  private HttpResponse<String> command(
      HttpRequest<?> request,
      String id,
      CommandBody body,
      String target,
      String action,
      Function<String, AlertCommand> make) {
    Alert alert = findForCommand(id);
    String by = Callers.actor(request, body == null ? null : body.by());
    AlertCommand command = make.apply(by);
    if (!AlertCommands.appliesTo(command, alert)) {
      throw AlertProblems.illegalTransition(id, alert.getStatus().name(), target);
    }
    Instant at = Instant.now();
    commands.send(command, at);
    audit.record(AlertAudit.entry(request, action, alert, command, at));
    return json(HttpStatus.ACCEPTED, AlertJson.write(alert));
  }

  // A command may name an alert raised a moment ago, which the view has not read yet.
  private Alert findForCommand(String id) {
    return alerts
        .getCaughtUp(id, COMMAND_PATIENCE)
        .orElseThrow(() -> AlertProblems.notFound("alert " + id));
  }

  /** A JSON body written by {@link AlertJson}, the one JSON form every client reads. */
  static HttpResponse<String> json(HttpStatus status, String body) {
    return HttpResponse.<String>status(status)
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(body);
  }
}
