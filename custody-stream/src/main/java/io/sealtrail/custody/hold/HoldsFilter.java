package io.sealtrail.custody.hold;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.custody.admin.RoleGates;
import io.sealtrail.platform.auth.Authenticator;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.http.BearerGate;
import java.util.EnumSet;

/**
 * Lets security operations and administrators place and release holds, and every reading role
 * (recall and auditors too) see them.
 */
@ServerFilter({"/v1/holds", "/v1/holds/**"})
@Requires(beans = HoldWriter.class)
final class HoldsFilter {
  private final RoleGates gates;

  HoldsFilter(Authenticator tokens) {
    this.gates =
        new RoleGates(
            new BearerGate(
                tokens,
                EnumSet.of(Role.SECOPS, Role.ADMIN, Role.RECALL, Role.AUDITOR),
                "read holds"),
            new BearerGate(tokens, EnumSet.of(Role.SECOPS, Role.ADMIN), "place or release holds"));
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireRole(HttpRequest<?> request) {
    return gates.refusal(request);
  }
}
