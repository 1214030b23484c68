package io.sealtrail.custody.campaign;

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
 * Lets the recall team and administrators create campaigns and move devices, and auditors and
 * security operations read them.
 */
@ServerFilter({"/v1/campaigns", "/v1/campaigns/**"})
@Requires(beans = CampaignWriter.class)
final class CampaignsFilter {
  private final RoleGates gates;

  CampaignsFilter(Authenticator tokens) {
    this.gates =
        new RoleGates(
            new BearerGate(
                tokens,
                EnumSet.of(Role.RECALL, Role.ADMIN, Role.AUDITOR, Role.SECOPS),
                "read campaigns"),
            new BearerGate(
                tokens,
                EnumSet.of(Role.RECALL, Role.ADMIN),
                "create campaigns or move their devices"));
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireRole(HttpRequest<?> request) {
    return gates.refusal(request);
  }
}
