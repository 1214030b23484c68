package io.sealtrail.anomaly.evidence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.anomaly.view.AlertView;
import io.sealtrail.platform.auth.Authenticator;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.http.BearerGate;
import java.util.EnumSet;

/** A serial's alerts for the roles that read custody: recall, secops, auditor, admin. */
@ServerFilter("/v1/serials/*/alerts")
@Requires(beans = AlertView.class)
final class SerialAlertsFilter {
  private final BearerGate gate;

  SerialAlertsFilter(Authenticator tokens) {
    this.gate =
        new BearerGate(
            tokens,
            EnumSet.of(Role.RECALL, Role.SECOPS, Role.AUDITOR, Role.ADMIN),
            "read a serial's alerts");
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireReader(HttpRequest<?> request) {
    return gate.refusal(request);
  }
}
