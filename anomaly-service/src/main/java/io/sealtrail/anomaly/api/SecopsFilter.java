package io.sealtrail.anomaly.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.anomaly.view.AlertView;
import io.sealtrail.platform.auth.Authenticator;
import io.sealtrail.platform.http.BearerGate;

/** Lets only secops and admin tokens at the alert and spike routes: 401 or 403 otherwise. */
@ServerFilter({"/v1/alerts", "/v1/alerts/**", "/v1/spikes/**"})
@Requires(beans = AlertView.class)
final class SecopsFilter {
  private final BearerGate gate;

  SecopsFilter(Authenticator tokens) {
    this.gate = new BearerGate(tokens, Callers.TRIAGERS, "triage alerts");
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireSecops(HttpRequest<?> request) {
    return gate.refusal(request);
  }
}
