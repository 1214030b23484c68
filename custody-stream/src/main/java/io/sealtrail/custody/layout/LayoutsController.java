package io.sealtrail.custody.layout;

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
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.custody.admin.Visibility;
import io.sealtrail.platform.audit.AuditActions;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.audit.AuditLog;
import io.sealtrail.platform.auth.Caller;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The layouts API (ADR 14): a product's layout in force, and a new version of it. A PUT is
 * validated ({@link LayoutJson}: 422 {@code invalid-layout} naming the JSON pointer), numbered the
 * current version + 1, written with every kept version to the layouts topic (acks=all), awaited in
 * this instance's store (so the caller reads what it wrote) and audited ({@code layout.changed}).
 * It applies to events received from then on, on every instance.
 */
@Controller("/v1/layouts")
@Requires(beans = LayoutWriter.class)
@ExecuteOn(TaskExecutors.BLOCKING)
final class LayoutsController {
  static final String REQUEST_ID = "X-Request-Id";
  private static final int MAX_PRODUCT = 128;
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final LayoutWriter writer;
  private final LayoutShelf shelf;
  private final AuditLog audit;

  LayoutsController(LayoutWriter writer, LayoutShelf shelf, AuditLog audit) {
    this.writer = writer;
    this.shelf = shelf;
    this.audit = audit;
  }

  @Get("/{product}")
  HttpResponse<String> show(@PathVariable String product) {
    Layout current = shelf.book().of(checked(product)).current();
    return json(HttpStatus.OK, current);
  }

  @Put("/{product}")
  HttpResponse<String> change(
      HttpRequest<?> request, @PathVariable String product, @Body @Nullable String body) {
    checked(product);
    LayoutJson.Proposal proposal;
    try {
      proposal = LayoutJson.proposal(product, body);
    } catch (LayoutException e) {
      throw new ProblemException(
          Problem.of(
                  "invalid-layout",
                  "Invalid layout",
                  HttpStatus.UNPROCESSABLE_ENTITY,
                  e.getMessage())
              .field(e.pointer()));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          Problem.of(
              "bad-request",
              "Bad request",
              HttpStatus.BAD_REQUEST,
              "unreadable JSON: " + e.getMessage()));
    }
    Caller caller = Caller.of(request);
    LayoutHistory history = shelf.book().of(product);
    Layout before = history.current();
    if (proposal.basedOn() != null && proposal.basedOn() != before.version()) {
      throw new ProblemException(
          Problem.of(
                  "version-conflict",
                  "Conflict",
                  HttpStatus.CONFLICT,
                  "the layout of "
                      + product
                      + " is at version "
                      + before.version()
                      + ", not "
                      + proposal.basedOn()
                      + ": read it again and apply the change to it")
              .field("/version"));
    }
    Layout next =
        new Layout(
            product,
            before.version() + 1,
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            caller.name(),
            proposal.steps(),
            proposal.bomRevisions());
    writeVisibly(history.with(next));
    audit.record(
        new AuditEntry(
            caller.name(),
            AuditActions.LAYOUT_CHANGED,
            "layout:" + product,
            request
                .getHeaders()
                .findFirst(REQUEST_ID)
                .filter(id -> !id.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString()),
            Instant.now(),
            digest(before),
            digest(next)));
    return json(HttpStatus.OK, next);
  }

  /** Writes {@code history}, then waits (bounded) until this instance's store has its newest. */
  private void writeVisibly(LayoutHistory history) {
    writer.write(history);
    long version = history.current().version();
    Visibility.await(() -> shelf.book().of(history.product()).current().version() >= version);
  }

  private static HttpResponse<String> json(HttpStatus status, Layout layout) {
    return HttpResponse.<String>status(status)
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(LayoutJson.text(LayoutJson.toJson(layout)));
  }

  private static String digest(Layout layout) {
    return AuditEntry.digest(
        LayoutJson.text(LayoutJson.toJson(layout)).getBytes(StandardCharsets.UTF_8));
  }

  private static String checked(String product) {
    if (product.isBlank()
        || product.length() > MAX_PRODUCT
        || !product.strip().equals(product)
        || CONTROL.matcher(product).find()) {
      throw new ProblemException(
          Problem.of(
                  "invalid-request",
                  "Invalid request",
                  HttpStatus.BAD_REQUEST,
                  "a product is 1 to "
                      + MAX_PRODUCT
                      + " characters without control characters or surrounding spaces")
              .field("product"));
    }
    return product;
  }
}
