package io.sealtrail.platform.auth;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.platform.http.BearerGate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/whoami}: the name and roles the bearer token stands for, so a client (the console)
 * shows only what the token may do instead of trying routes until one answers 403. Any known token
 * passes; 401 without one. It reveals nothing the token's holder does not already hold.
 */
@Controller("/v1/whoami")
@Requires(beans = Authenticator.class)
final class WhoAmIController {
  private final BearerGate gate;

  WhoAmIController(Authenticator tokens) {
    this.gate = new BearerGate(tokens, EnumSet.allOf(Role.class), "say who it is");
  }

  /** Who the caller is: its name and its roles in lowercase, sorted. */
  @Serdeable
  record WhoAmI(String name, List<String> roles) {}

  @Get
  HttpResponse<?> whoAmI(HttpRequest<?> request) {
    var refusal = gate.refusal(request);
    if (refusal != null) {
      return refusal;
    }
    Caller caller = Caller.of(request);
    List<String> roles =
        caller.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList();
    return HttpResponse.ok(new WhoAmI(caller.name(), roles));
  }
}
