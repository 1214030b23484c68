package io.sealtrail.log.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.log.read.LogReader;
import io.sealtrail.platform.auth.Authenticator;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.http.BearerGate;
import java.util.EnumSet;

/**
 * Proofs and entries for auditor, recall, secops and admin tokens: 401 or 403 otherwise. The
 * checkpoint and the key stay open: anyone must be able to check what the log signed.
 */
@ServerFilter({"/v1/log/proof/**", "/v1/log/entries"})
@Requires(beans = LogReader.class)
final class ReaderFilter {
  private final BearerGate gate;

  ReaderFilter(Authenticator tokens) {
    this.gate =
        new BearerGate(
            tokens,
            EnumSet.of(Role.AUDITOR, Role.RECALL, Role.SECOPS, Role.ADMIN),
            "read the log's proofs and entries");
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireReader(HttpRequest<?> request) {
    return gate.refusal(request);
  }
}
