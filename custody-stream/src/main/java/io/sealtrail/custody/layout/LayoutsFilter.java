package io.sealtrail.custody.layout;

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

/** Lets administrators change process layouts, and every reading role see them. */
@ServerFilter({"/v1/layouts", "/v1/layouts/**"})
@Requires(beans = LayoutWriter.class)
final class LayoutsFilter {
  private final RoleGates gates;

  LayoutsFilter(Authenticator tokens) {
    this.gates =
        new RoleGates(
            new BearerGate(
                tokens,
                EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.RECALL, Role.SECOPS),
                "read process layouts"),
            new BearerGate(tokens, EnumSet.of(Role.ADMIN), "change process layouts"));
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireRole(HttpRequest<?> request) {
    return gates.refusal(request);
  }
}
