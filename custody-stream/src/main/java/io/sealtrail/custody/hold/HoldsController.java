package io.sealtrail.custody.hold;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.avro.hold.Hold;
import io.sealtrail.avro.hold.HoldStatus;
import io.sealtrail.custody.admin.Changes;
import io.sealtrail.custody.admin.Visibility;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.audit.AuditLog;
import io.sealtrail.platform.auth.Caller;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The holds API: place a hold, list and show holds, release one. A write is answered once Kafka has
 * it (acks=all), this instance's hold store shows it (so the caller reads what it wrote) and the
 * audit log has the action. A retry with the same {@code X-Request-Id} after a 503 finds the hold
 * it placed or released and is answered the same, so it is safe.
 */
@Controller("/v1/holds")
@Requires(beans = HoldWriter.class)
@ExecuteOn(TaskExecutors.BLOCKING)
final class HoldsController {

  private final HoldWriter writer;
  private final HoldShelf shelf;
  private final AuditLog audit;
  private final JsonMapper json;
  private final HoldRequests requests;

  HoldsController(HoldWriter writer, HoldShelf shelf, AuditLog audit, JsonMapper json) {
    this.writer = writer;
    this.shelf = shelf;
    this.audit = audit;
    this.json = json;
    this.requests = new HoldRequests(json);
  }

  @Post
  HttpResponse<HoldView> place(HttpRequest<?> request, @Body @Nullable String body) {
    HoldRequests.Placement placement = requests.placement(body);
    Caller caller = Caller.of(request);
    String requestId = Changes.requestId(request);
    String holdId = Changes.idFor(request, caller);
    Optional<Hold> known = shelf.book().get(holdId);
    Hold hold;
    if (known.isPresent()) {
      hold = known.get();
      if (hold.getKind() != placement.kind() || !hold.getId().equals(placement.id())) {
        throw conflict(
            "request-id-reused",
            "X-Request-Id " + requestId + " already placed hold " + holdId + " on another target");
      }
    } else {
      hold =
          Hold.newBuilder()
              .setHoldId(holdId)
              .setKind(placement.kind())
              .setId(placement.id())
              .setReason(placement.reason())
              .setAlertId(placement.alertId())
              .setPlacedBy(caller.name())
              .setPlacedAt(Changes.now())
              .setStatus(HoldStatus.ACTIVE)
              .build();
      writeVisibly(hold);
    }
    audit.record(
        new AuditEntry(
            caller.name(),
            AuditActions.HOLD_PLACED,
            "hold:" + holdId,
            requestId,
            Instant.now(),
            null,
            Changes.digest(json, HoldView.of(hold))));
    return HttpResponse.<HoldView>status(HttpStatus.CREATED)
        .header("Location", "/v1/holds/" + holdId)
        .body(HoldView.of(hold));
  }

  @Get
  HttpResponse<Map<String, List<HoldView>>> list(
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String id) {
    HoldRequests.Filter filter = HoldRequests.filter(kind, status, id);
    List<HoldView> holds =
        shelf.book().all().stream()
            .filter(h -> filter.kind() == null || h.getKind() == filter.kind())
            .filter(h -> filter.status() == null || h.getStatus() == filter.status())
            .filter(h -> filter.id() == null || h.getId().equals(filter.id()))
            .map(HoldView::of)
            .toList();
    return HttpResponse.ok(Map.of("holds", holds));
  }

  @Get("/{holdId}")
  HttpResponse<HoldView> show(@PathVariable String holdId) {
    return HttpResponse.ok(HoldView.of(find(holdId)));
  }

  @Post("/{holdId}/release")
  HttpResponse<HoldView> release(
      HttpRequest<?> request, @PathVariable String holdId, @Body @Nullable String body) {
    String reason = requests.releaseReason(body);
    Caller caller = Caller.of(request);
    Hold before = find(holdId);
    Hold released;
    if (before.getStatus() == HoldStatus.RELEASED) {
      // A retry of this caller's own release (its first answer was lost) is answered again.
      if (!caller.name().equals(before.getReleasedBy())
          || !reason.equals(before.getReleaseReason())) {
        throw conflict(
            "hold-released",
            "hold "
                + holdId
                + " was released by "
                + before.getReleasedBy()
                + " at "
                + before.getReleasedAt());
      }
      released = before;
    } else {
      released =
          Hold.newBuilder(before)
              .setStatus(HoldStatus.RELEASED)
              .setReleasedBy(caller.name())
              .setReleasedAt(Changes.now())
              .setReleaseReason(reason)
              .build();
      writeVisibly(released);
    }
    Hold active =
        Hold.newBuilder(before)
            .setStatus(HoldStatus.ACTIVE)
            .setReleasedBy(null)
            .setReleasedAt(null)
            .setReleaseReason(null)
            .build();
    audit.record(
        new AuditEntry(
            caller.name(),
            AuditActions.HOLD_RELEASED,
            "hold:" + holdId,
            Changes.requestId(request),
            Instant.now(),
            Changes.digest(json, HoldView.of(active)),
            Changes.digest(json, HoldView.of(released))));
    return HttpResponse.ok(HoldView.of(released));
  }

  private Hold find(String holdId) {
    return shelf
        .book()
        .get(holdId)
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        "not-found",
                        "No such resource",
                        HttpStatus.NOT_FOUND,
                        "no hold " + holdId)));
  }

  /** Writes {@code hold}, then waits (bounded) until this instance's store has this version. */
  private void writeVisibly(Hold hold) {
    writer.write(hold);
    Visibility.await(() -> shelf.book().get(hold.getHoldId()).filter(hold::equals).isPresent());
  }

  private static ProblemException conflict(String kind, String detail) {
    Objects.requireNonNull(detail);
    return new ProblemException(Problem.of(kind, "Conflict", HttpStatus.CONFLICT, detail));
  }
}
