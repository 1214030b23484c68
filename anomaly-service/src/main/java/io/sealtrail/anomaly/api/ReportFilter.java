package io.sealtrail.anomaly.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.anomaly.view.AlertArchive;
import io.sealtrail.platform.auth.Authenticator;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.http.BearerGate;
import java.util.EnumSet;

/** Lets secops, auditor and admin tokens at the reports: 401 or 403 otherwise. */
@ServerFilter({"/v1/reports", "/v1/reports/**"})
@Requires(beans = AlertArchive.class)
final class ReportFilter {
  private final BearerGate gate;

  ReportFilter(Authenticator tokens) {
    this.gate =
        new BearerGate(
            tokens, EnumSet.of(Role.SECOPS, Role.AUDITOR, Role.ADMIN), "read response reports");
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireReader(HttpRequest<?> request) {
    return gate.refusal(request);
  }
}
