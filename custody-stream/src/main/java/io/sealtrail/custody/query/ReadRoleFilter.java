package io.sealtrail.custody.query;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.sealtrail.platform.auth.Authenticator;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.http.BearerGate;
import io.sealtrail.platform.query.StoreReader;
import java.util.EnumSet;
import java.util.Set;

/**
 * Lets only the reading roles at the query routes. The paths are the query routes', not {@code
 * /v1/**}: on a shared server, ingest's routes answer under {@code /v1} too.
 */
@ServerFilter({
  "/v1/serials/**",
  "/v1/lots/**",
  "/v1/firmware/**",
  "/v1/suppliers/**",
  "/v1/components/**"
})
@Requires(beans = StoreReader.class)
final class ReadRoleFilter {
  private static final Set<Role> READERS =
      EnumSet.of(Role.RECALL, Role.SECOPS, Role.AUDITOR, Role.ADMIN);
  private final BearerGate gate;

  ReadRoleFilter(Authenticator tokens) {
    this.gate = new BearerGate(tokens, READERS, "read custody");
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> requireReader(HttpRequest<?> request) {
    return gate.refusal(request);
  }
}
