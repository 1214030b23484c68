package io.sealtrail.ingest.admin;

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
import io.sealtrail.ingest.IngestTopics;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.audit.AuditLog;
import io.sealtrail.platform.auth.Caller;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.trust.partner.Partner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Partner administration (admin role, see the role filter): register or update a partner (an update
 * never undoes a revocation, see {@link PartnerUpdate}), revoke one of its keys; show one or list
 * them (admin, auditor, recall). Each write is answered once Kafka acknowledged it, this node's
 * directory reflects it and the audit log holds it: actor the authenticated caller, target {@code
 * partner:<id>}, the SHA-256 of the registration's JSON as {@code GET /v1/partners/{id}} answers
 * it, before and after (a revocation's reason and alert included).
 */
@Controller("/v1/partners")
@Requires(beans = {PartnerStore.class, PolicyStore.class})
@ExecuteOn(TaskExecutors.BLOCKING)
final class PartnersController {
  private static final int MAX_REQUEST_ID = 128;

  private final PartnerStore store;
  private final AuditLog audit;
  private final JsonMapper json;
  private final PolicyStore policy;

  PartnersController(PartnerStore store, PolicyStore policy, AuditLog audit, JsonMapper json) {
    this.store = store;
    this.policy = policy;
    this.audit = audit;
    this.json = json;
  }

  @Post
  HttpResponse<PartnerView> register(HttpRequest<?> http, @Body PartnerRequest request)
      throws InterruptedException {
    Caller caller = Caller.of(http);
    // Roles are those the policy in force defines.
    Partner requested = new PartnerRequests(policy.current().policy()).toPartner(request);
    refuseKeysOfOthers(requested);
    Optional<Partner> known = store.find(requested.partnerId());
    if (known.isEmpty() && !IngestTopics.namesATopic(requested.partnerId())) {
      // A new partner's id names its outcome topic (ADR 11); one registered before keeps working.
      throw new InvalidRequestException(
          "/partnerId",
          "a partner id is 1 to 200 letters, digits, '_' or '-': it names the partner's outcome"
              + " topic");
    }
    Partner partner =
        known
            .map(stored -> PartnerUpdate.merge(stored, requested, Instant.now()))
            .orElse(requested);
    Partner stored = store.write(partner, caller.name());
    record(
        http,
        caller,
        known.isPresent() ? AuditActions.PARTNER_UPDATED : AuditActions.PARTNER_REGISTERED,
        known.orElse(null),
        stored);
    return HttpResponse.<PartnerView>status(known.isPresent() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(PartnerView.of(stored));
  }

  @Post("/{partnerId}/keys/{keyid}/revoke")
  HttpResponse<?> revoke(
      HttpRequest<?> http,
      @PathVariable String partnerId,
      @PathVariable String keyid,
      @Body @Nullable PartnerRequest.Revocation revocation)
      throws InterruptedException {
    Caller caller = Caller.of(http);
    var partner = store.find(partnerId);
    if (partner.isEmpty() || partner.get().key(keyid).isEmpty()) {
      return notFound("partner " + partnerId + " has no key " + keyid);
    }
    var body = revocation == null ? new PartnerRequest.Revocation(null, null, null) : revocation;
    Instant from = PartnerRequests.instant(body.at(), "/at");
    Partner revoked =
        partner
            .get()
            .withKeyRevoked(
                keyid,
                from == null ? Instant.now() : from,
                PartnerRequests.reason(body.reason()),
                PartnerRequests.alertId(body.alertId()));
    Partner stored = store.write(revoked, caller.name());
    record(http, caller, AuditActions.PARTNER_KEY_REVOKED, partner.get(), stored);
    return HttpResponse.ok(PartnerView.of(stored));
  }

  /**
   * Records what was done, after it was durably written and before it is answered: a failure here
   * is a 503, and the client's retry writes the same registration again (idempotent) and records
   * it.
   */
  private void record(
      HttpRequest<?> http, Caller caller, String action, @Nullable Partner before, Partner after) {
    audit.record(
        new AuditEntry(
            caller.name(),
            action,
            "partner:" + after.partnerId(),
            requestId(http),
            Instant.now(),
            before == null ? null : digest(before),
            digest(after)));
  }

  /** The SHA-256 of the partner's JSON exactly as {@code GET /v1/partners/{id}} answers it. */
  private String digest(Partner partner) {
    try {
      return AuditEntry.digest(json.writeValueAsBytes(PartnerView.of(partner)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a partner's JSON", e);
    }
  }

  /** The client's {@code X-Request-Id} when it is a sensible one, else a new UUID. */
  static String requestId(HttpRequest<?> http) {
    return http.getHeaders()
        .findFirst("X-Request-Id")
        .map(String::strip)
        .filter(id -> !id.isEmpty() && id.length() <= MAX_REQUEST_ID)
        .filter(id -> id.chars().allMatch(c -> c > 0x20 && c < 0x7F))
        .orElseGet(() -> UUID.randomUUID().toString());
  }

  /** Every registered partner, by id: its roles, sites and keys with their validity. */
  @Get
  HttpResponse<?> list() {
    return HttpResponse.ok(Map.of("partners", store.all().stream().map(PartnerView::of).toList()));
  }

  @Get("/{partnerId}")
  HttpResponse<?> show(@PathVariable String partnerId) {
    return store
        .find(partnerId)
        .<HttpResponse<?>>map(p -> HttpResponse.ok(PartnerView.of(p)))
        .orElseGet(() -> notFound("no partner " + partnerId));
  }

  /** 409 for the first key another partner lists: nothing is written. */
  private void refuseKeysOfOthers(Partner requested) {
    for (int i = 0; i < requested.keys().size(); i++) {
      String keyid = requested.keys().get(i).keyId().hex();
      Set<String> others = new TreeSet<>(store.holders(keyid));
      others.remove(requested.partnerId());
      if (!others.isEmpty()) {
        throw new KeyHeldElsewhereException("/keys/" + i + "/publicKey", keyid, others);
      }
    }
  }

  private static HttpResponse<Problem> notFound(String detail) {
    return Problem.of("not-found", "No such resource", HttpStatus.NOT_FOUND, detail).response();
  }
}
