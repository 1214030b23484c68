package io.sealtrail.ingest.auth;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.ingest.admin.PartnerStore;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.BearerGate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lets only administrators change partners; administrators, auditors and recall read them (public
 * keys and their validity, nothing secret: what an evidence bundle's reader needs to check
 * signatures). {@code POST /v1/events} is not filtered: partners authenticate by their signatures.
 */
@ServerFilter({"/v1/partners", "/v1/partners/**"})
@Requires(beans = PartnerStore.class)
final class RoleFilter {
  private static final Pattern PARTNER_VIEW =
      Pattern.compile("/v1/partners/[^/]+/(outcomes|events/[^/]+)/?");
  private final BearerGate gate;
  private final BearerGate readers;

  RoleFilter(RoleTokens tokens) {
    this.gate = new BearerGate(tokens, Set.of(Role.ADMIN), "manage partners");
    this.readers =
        new BearerGate(
            tokens, Set.of(Role.ADMIN, Role.AUDITOR, Role.RECALL), "read partners' public keys");
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireAdmin(HttpRequest<?> request) {
    if (PARTNER_VIEW.matcher(request.getPath()).matches()) {
      return null; // a partner's own view: its controller admits the partner credential (ADR 11)
    }
    return HttpMethod.GET.equals(request.getMethod())
        ? readers.refusal(request)
        : gate.refusal(request);
  }
}
