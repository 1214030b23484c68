package io.sealtrail.ingest.admin;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.audit.AuditLog;
import io.sealtrail.platform.auth.Caller;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.trust.policy.InvalidPolicyException;
import io.sealtrail.trust.policy.PolicyDocument;
import io.sealtrail.trust.policy.PolicyJson;
import java.time.Instant;

/**
 * The runtime policy (see the role filter: admin and auditor read, admin writes). {@code GET}
 * answers the version in force on this node as its canonical JSON; {@code PUT} validates a whole
 * document ({@link PolicyJson#document}: 422 {@code invalid-policy} naming the field, nothing
 * written), assigns it the version in force plus one, and answers once Kafka acknowledged it, this
 * node has it in force and the audit log holds {@code policy.changed} with the SHA-256 of the
 * canonical JSON before and after.
 */
@Controller("/v1/policy")
@Requires(beans = {PolicyStore.class, AuditLog.class})
@ExecuteOn(TaskExecutors.BLOCKING)
final class PolicyController {
  private final PolicyStore store;
  private final AuditLog audit;

  PolicyController(PolicyStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  HttpResponse<?> show() {
    return json(HttpStatus.OK, PolicyJson.write(store.current()));
  }

  @Put(produces = MediaType.APPLICATION_JSON)
  HttpResponse<?> replace(HttpRequest<?> http, @Nullable @Body byte[] body)
      throws InterruptedException {
    Caller caller = Caller.of(http);
    PolicyDocument before = store.current();
    PolicyDocument next;
    try {
      next = PolicyJson.document(body == null ? new byte[0] : body, before.version() + 1);
    } catch (InvalidPolicyException e) {
      return Problem.of(
              "invalid-policy", "Policy not valid", HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage())
          .field(e.field())
          .response();
    }
    PolicyDocument stored = store.write(next);
    byte[] after = PolicyJson.write(stored);
    audit.record(
        new AuditEntry(
            caller.name(),
            AuditActions.POLICY_CHANGED,
            "policy:v" + stored.version(),
            PartnersController.requestId(http),
            Instant.now(),
            AuditEntry.digest(PolicyJson.write(before)),
            AuditEntry.digest(after)));
    return json(HttpStatus.OK, after);
  }

  private static HttpResponse<?> json(HttpStatus status, byte[] body) {
    return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
  }
}
