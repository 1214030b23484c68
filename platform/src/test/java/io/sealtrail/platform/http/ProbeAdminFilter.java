package io.sealtrail.platform.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import java.util.Set;

/** A service's filter as the platform expects it: its paths, its roles, nothing else. */
@ServerFilter("/probe/secret")
@Requires(beans = ProbeBackend.class)
final class ProbeAdminFilter {
  private final BearerGate gate;

  ProbeAdminFilter(RoleTokens tokens) {
    this.gate = new BearerGate(tokens, Set.of(Role.ADMIN), "see secrets");
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireAdmin(HttpRequest<?> request) {
    return gate.refusal(request);
  }
}
