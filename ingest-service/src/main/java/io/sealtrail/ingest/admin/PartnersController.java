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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.platform.auth.Caller;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.policy.Policy;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Partner administration (admin role, see the role filter): register or update a partner (an update
 * never undoes a revocation, see {@link PartnerUpdate}), revoke one of its keys, show it. Each
 * write is answered once Kafka acknowledged it and this node's directory reflects it.
 */
@Controller("/v1/partners")
@Requires(beans = PartnerStore.class)
@ExecuteOn(TaskExecutors.BLOCKING)
final class PartnersController {
  private final PartnerStore store;
  private final PartnerRequests requests = new PartnerRequests(Policy.defaults());

  PartnersController(PartnerStore store) {
    this.store = store;
  }

  @Post
  HttpResponse<PartnerView> register(HttpRequest<?> http, @Body PartnerRequest request)
      throws InterruptedException {
    Partner requested = requests.toPartner(request);
    refuseKeysOfOthers(requested);
    Optional<Partner> known = store.find(requested.partnerId());
    Partner partner =
        known
            .map(stored -> PartnerUpdate.merge(stored, requested, Instant.now()))
            .orElse(requested);
    Partner stored = store.write(partner, Caller.of(http).name());
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
    var partner = store.find(partnerId);
    if (partner.isEmpty() || partner.get().key(keyid).isEmpty()) {
      return notFound("partner " + partnerId + " has no key " + keyid);
    }
    String at = revocation == null ? null : revocation.at();
    Instant from = PartnerRequests.instant(at, "/at");
    Partner revoked = partner.get().withKeyRevoked(keyid, from == null ? Instant.now() : from);
    return HttpResponse.ok(PartnerView.of(store.write(revoked, Caller.of(http).name())));
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
