package io.sealtrail.log.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.platform.auth.Authenticator;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.http.BearerGate;
import java.util.EnumSet;

/**
 * The audit log for auditor and admin tokens only: 401 without a known token, 403 for secops and
 * recall (who act, and whose actions it records).
 */
@ServerFilter({"/v1/audit", "/v1/audit/**"})
@Requires(beans = AuditReader.class)
final class AuditFilter {
  private final BearerGate gate;

  AuditFilter(Authenticator tokens) {
    this.gate = new BearerGate(tokens, EnumSet.of(Role.AUDITOR, Role.ADMIN), "read the audit log");
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireAuditor(HttpRequest<?> request) {
    return gate.refusal(request);
  }
}
