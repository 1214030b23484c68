package io.sealtrail.log.evidence;

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

/** Evidence bundles for recall, auditor and admin tokens: 401 or 403 otherwise. */
@ServerFilter({"/v1/serials/*/evidence", "/v1/lots/*/evidence"})
@Requires(beans = EvidenceAssembler.class)
final class EvidenceFilter {
  private final BearerGate gate;

  EvidenceFilter(Authenticator tokens) {
    this.gate =
        new BearerGate(
            tokens, EnumSet.of(Role.RECALL, Role.AUDITOR, Role.ADMIN), "read evidence bundles");
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireReader(HttpRequest<?> request) {
    return gate.refusal(request);
  }
}
