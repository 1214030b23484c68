package io.sealtrail.custody.campaign;

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
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.avro.campaign.CampaignDevice;
import io.sealtrail.avro.campaign.CampaignEntry;
import io.sealtrail.avro.campaign.CampaignHeader;
import io.sealtrail.avro.campaign.RecallState;
import io.sealtrail.custody.admin.Changes;
import io.sealtrail.custody.admin.Visibility;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.audit.AuditLog;
import io.sealtrail.platform.auth.Caller;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The campaigns API: create a campaign from a trace, list and show campaigns, move one device. A
 * write is answered once Kafka has it (acks=all), this instance's campaign store shows it (so the
 * caller reads what it wrote) and the audit log has the action. A retry of a create with the same
 * {@code X-Request-Id} finds the campaign it created and is answered the same; a move to the state
 * a device already has, by the caller who set it, is answered again.
 */
@Controller("/v1/campaigns")
@Requires(beans = CampaignWriter.class)
@ExecuteOn(TaskExecutors.BLOCKING)
final class CampaignsController {

  private final CampaignWriter writer;
  private final CampaignShelf shelf;
  private final CampaignScopes scopes;
  private final AuditLog audit;
  private final JsonMapper json;
  private final CampaignRequests requests;

  CampaignsController(
      CampaignWriter writer,
      CampaignShelf shelf,
      CampaignScopes scopes,
      AuditLog audit,
      JsonMapper json) {
    this.writer = writer;
    this.shelf = shelf;
    this.scopes = scopes;
    this.audit = audit;
    this.json = json;
    this.requests = new CampaignRequests(json);
  }

  @Post
  HttpResponse<CampaignView> create(HttpRequest<?> request, @Body @Nullable String body) {
    CampaignRequests.NewCampaign asked = requests.newCampaign(body);
    Caller caller = Caller.of(request);
    String requestId = Changes.requestId(request);
    String campaignId = Changes.idFor(request, caller);
    Optional<CampaignHeader> known = shelf.book().header(campaignId);
    if (known.isPresent()) {
      CampaignHeader header = known.get();
      if (header.getScope() != asked.scope() || !header.getScopeId().equals(asked.scopeId())) {
        throw conflict(
            "request-id-reused",
            "X-Request-Id " + requestId + " already created campaign " + campaignId);
      }
    } else {
      // Each serial once, in the trace's order.
      List<String> serials =
          List.copyOf(new LinkedHashSet<>(scopes.serials(asked.scope(), asked.scopeId(), request)));
      Instant now = Changes.now();
      List<CampaignEntry> entries = new ArrayList<>(serials.size() + 1);
      for (String serial : serials) {
        entries.add(
            new CampaignEntry(
                campaignId,
                null,
                new CampaignDevice(serial, RecallState.OPEN, caller.name(), now, null)));
      }
      CampaignHeader header =
          new CampaignHeader(
              asked.name(),
              asked.scope(),
              asked.scopeId(),
              caller.name(),
              now,
              (long) serials.size());
      entries.add(new CampaignEntry(campaignId, header, null));
      writer.write(entries);
      Visibility.await(() -> shelf.book().header(campaignId).filter(header::equals).isPresent());
    }
    CampaignView view = CampaignView.of(find(campaignId));
    audit.record(
        new AuditEntry(
            caller.name(),
            AuditActions.CAMPAIGN_CREATED,
            "campaign:" + campaignId,
            requestId,
            Instant.now(),
            null,
            Changes.digest(json, view)));
    return HttpResponse.<CampaignView>status(HttpStatus.CREATED)
        .header("Location", "/v1/campaigns/" + campaignId)
        .body(view);
  }

  @Get
  HttpResponse<Map<String, List<CampaignView>>> list() {
    CampaignBook book = shelf.book();
    List<CampaignView> campaigns =
        book.headers().stream()
            .map(c -> book.campaign(c.campaignId()))
            .flatMap(Optional::stream)
            .map(c -> CampaignView.summary(c, c.devices()))
            .toList();
    return HttpResponse.ok(Map.of("campaigns", campaigns));
  }

  @Get("/{campaignId}")
  HttpResponse<CampaignView> show(@PathVariable String campaignId) {
    return HttpResponse.ok(CampaignView.of(find(campaignId)));
  }

  @Post("/{campaignId}/devices/{serial}")
  HttpResponse<CampaignView.DeviceView> move(
      HttpRequest<?> request,
      @PathVariable String campaignId,
      @PathVariable String serial,
      @Body @Nullable String body) {
    CampaignRequests.Move move = requests.move(body);
    Caller caller = Caller.of(request);
    find(campaignId);
    CampaignDevice before =
        shelf
            .book()
            .device(campaignId, serial)
            .orElseThrow(() -> notFound("campaign " + campaignId + " has no device " + serial));
    CampaignDevice after;
    if (before.getState() == move.state() && caller.name().equals(before.getChangedBy())) {
      // A retry of this caller's own move (its first answer was lost) is answered again.
      after = before;
    } else if (!RecallStates.allowed(before.getState(), move.state())) {
      throw conflict(
          "illegal-transition",
          serial
              + " is "
              + before.getState()
              + " in campaign "
              + campaignId
              + "; it may move to "
              + RecallStates.after(before.getState())
              + " only");
    } else {
      after = new CampaignDevice(serial, move.state(), caller.name(), Changes.now(), move.note());
      writer.write(List.of(new CampaignEntry(campaignId, null, after)));
      CampaignDevice written = after;
      Visibility.await(
          () -> shelf.book().device(campaignId, serial).filter(written::equals).isPresent());
    }
    CampaignView.DeviceView view = CampaignView.DeviceView.of(after);
    audit.record(
        new AuditEntry(
            caller.name(),
            AuditActions.CAMPAIGN_DEVICE_UPDATED,
            "campaign:" + campaignId + "/" + serial,
            Changes.requestId(request),
            Instant.now(),
            Changes.digest(json, CampaignView.DeviceView.of(before)),
            Changes.digest(json, view)));
    return HttpResponse.ok(view);
  }

  private CampaignBook.Campaign find(String campaignId) {
    return shelf
        .book()
        .campaign(campaignId)
        .orElseThrow(() -> notFound("no campaign " + campaignId));
  }

  private static ProblemException notFound(String detail) {
    return new ProblemException(
        Problem.of("not-found", "No such resource", HttpStatus.NOT_FOUND, detail));
  }

  private static ProblemException conflict(String type, String detail) {
    return new ProblemException(Problem.of(type, "Conflict", HttpStatus.CONFLICT, detail));
  }
}
