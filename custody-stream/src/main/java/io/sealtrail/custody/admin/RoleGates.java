package io.sealtrail.custody.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.sealtrail.platform.http.BearerGate;

/**
 * The gates of an API whose reads are open to more roles than its changes (holds, layouts): GET and
 * HEAD pass {@code readers}, every other method {@code writers}.
 */
public record RoleGates(BearerGate readers, BearerGate writers) {
  /** The refusal of {@code request}, or null when its token's role may do what it asks. */
  @Nullable
  public HttpResponse<?> refusal(HttpRequest<?> request) {
    return (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD
            ? readers
            : writers)
        .refusal(request);
  }
}
