package io.sealtrail.ingest.auth;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.ingest.admin.PartnerStore;
import io.sealtrail.platform.auth.Authenticator;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.http.BearerGate;
import java.util.Set;

/**
 * Lets only administrators at the partner and user routes. {@code POST /v1/events} is not filtered:
 * partners authenticate by their signatures.
 */
@ServerFilter({"/v1/partners", "/v1/partners/**", "/v1/users", "/v1/users/**"})
@Requires(beans = PartnerStore.class)
final class RoleFilter {
  private final BearerGate gate;

  RoleFilter(Authenticator tokens) {
    this.gate = new BearerGate(tokens, Set.of(Role.ADMIN), "manage partners and users");
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireAdmin(HttpRequest<?> request) {
    return gate.refusal(request);
  }
}
