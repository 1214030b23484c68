package io.sealtrail.ingest.auth;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.ingest.admin.PartnerStore;
import io.sealtrail.platform.auth.Authenticator;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.http.BearerGate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lets only administrators change partners, users and the policy (auditors read the policy too);
 * administrators, auditors and recall read partners (public keys and their validity, nothing
 * secret: what an evidence bundle's reader needs to check signatures). {@code POST /v1/events} is
 * not filtered: partners authenticate by their signatures, and a partner's own view by its signed
 * request.
 */
@ServerFilter({"/v1/partners", "/v1/partners/**", "/v1/users", "/v1/users/**", "/v1/policy"})
@Requires(beans = PartnerStore.class)
final class RoleFilter {
  private static final Pattern PARTNER_VIEW =
      Pattern.compile("/v1/partners/[^/]+/(outcomes|events/[^/]+)/?");
  private final BearerGate gate;
  private final BearerGate readers;
  private final BearerGate policyReaders;

  RoleFilter(Authenticator tokens) {
    this.gate = new BearerGate(tokens, Set.of(Role.ADMIN), "manage partners and users");
    this.readers =
        new BearerGate(
            tokens, Set.of(Role.ADMIN, Role.AUDITOR, Role.RECALL), "read partners' public keys");
    this.policyReaders =
        new BearerGate(tokens, Set.of(Role.ADMIN, Role.AUDITOR), "read the policy");
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireAdmin(HttpRequest<?> request) {
    if (PARTNER_VIEW.matcher(request.getPath()).matches()) {
      return null; // a partner's own view: its controller admits the partner credential (ADR 11)
    }
    boolean get = HttpMethod.GET.equals(request.getMethod());
    if (request.getPath().startsWith("/v1/policy")) {
      // Admins change the policy; auditors read which version judged what.
      return get ? policyReaders.refusal(request) : gate.refusal(request);
    }
    boolean readsPartners =
        HttpMethod.GET.equals(request.getMethod()) && request.getPath().startsWith("/v1/partners");
    // Users are the administrators' alone, reads included: they name who holds which role.
    return readsPartners ? readers.refusal(request) : gate.refusal(request);
  }
}
