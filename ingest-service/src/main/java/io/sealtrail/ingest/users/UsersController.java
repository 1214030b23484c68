package io.sealtrail.ingest.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.audit.AuditLog;
import io.sealtrail.platform.auth.Caller;
import io.sealtrail.platform.auth.User;
import io.sealtrail.platform.auth.UserStore;
import io.sealtrail.platform.auth.UserTokens;
import io.sealtrail.platform.http.Problem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Named users (admin role, see the role filter): create one, showing its token this once; list them
 * (never a token or its hash); revoke one. Each write is answered once Kafka acknowledged it, this
 * node's directory shows it and the audit log holds the action.
 */
@Controller("/v1/users")
@Requires(beans = {UserStore.class, AuditLog.class})
@ExecuteOn(TaskExecutors.BLOCKING)
final class UsersController {
  private final UserStore store;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();

  UsersController(UserStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  @Post(produces = MediaType.APPLICATION_JSON)
  HttpResponse<?> create(HttpRequest<?> request, @Nullable @Body byte[] body)
      throws InterruptedException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    NewUser wanted = NewUser.read(body == null ? new byte[0] : body, now);
    if (store.find(wanted.name()).isPresent()) {
      // A name stays taken after a revocation: it is the actor of records that outlive the user.
      return Problem.of(
              "user-exists",
              "User already exists",
              HttpStatus.CONFLICT,
              "user " + wanted.name() + " exists (revoked users keep their name); pick another")
          .field("/name")
          .response();
    }
    String token = UserTokens.newToken();
    String actor = Caller.of(request).name();
    User user =
        store.write(
            new User(
                wanted.name(),
                wanted.roles(),
                wanted.expiresAt(),
                UserTokens.sha256(token),
                now,
                actor,
                null,
                null));
    record(request, actor, AuditActions.USER_CREATED, user, null, UserView.digestable(user));
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.put("name", user.name());
    answer.set("roles", UserView.of(user, now).get("roles"));
    answer.put("expiresAt", user.expiresAt() == null ? null : user.expiresAt().toString());
    answer.put("token", token);
    return HttpResponse.status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(UserView.write(answer));
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  HttpResponse<?> list() {
    Instant now = clock.instant();
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ArrayNode users = answer.putArray("users");
    store.users().users().forEach(user -> users.add(UserView.of(user, now)));
    return HttpResponse.ok(UserView.write(answer)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /**
   * Revokes the user: its token is refused on this node before the answer, on every other node as
   * soon as it has read the record. Revoking a revoked user changes nothing but is audited again,
   * so a retry after a 503 from the audit log is recorded.
   */
  @Post(uri = "/{name}/revoke", produces = MediaType.APPLICATION_JSON)
  HttpResponse<?> revoke(HttpRequest<?> request, @PathVariable String name)
      throws InterruptedException {
    var known = store.find(name);
    if (known.isEmpty()) {
      return Problem.of("not-found", "No such resource", HttpStatus.NOT_FOUND, "no user " + name)
          .response();
    }
    User before = known.get();
    String actor = Caller.of(request).name();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    User after = before.revokedAt() != null ? before : store.write(before.revoked(now, actor));
    record(
        request,
        actor,
        AuditActions.USER_REVOKED,
        after,
        UserView.digestable(before),
        UserView.digestable(after));
    return HttpResponse.ok(UserView.write(UserView.of(after, now)))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private void record(
      HttpRequest<?> request, String actor, String action, User user, byte[] before, byte[] after) {
    String requestId =
        request
            .getHeaders()
            .findFirst("X-Request-Id")
            .orElseGet(() -> UUID.randomUUID().toString());
    audit.record(
        new AuditEntry(
            actor,
            action,
            "user:" + user.name(),
            requestId,
            clock.instant(),
            AuditEntry.digest(before),
            AuditEntry.digest(after)));
  }
}
