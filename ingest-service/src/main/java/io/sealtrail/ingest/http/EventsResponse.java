package io.sealtrail.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The body of a {@code POST /v1/events} answer: one result per envelope, in request order. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventsResponse(Boolean dryRun, List<EventResult> results) {
  /** A real submission's answer; {@code dryRun} is true for a dry run and absent otherwise. */
  public EventsResponse(List<EventResult> results, Boolean dryRun) {
    this(dryRun, results);
  }

  public EventsResponse {
    results = List.copyOf(results);
  }

  /**
   * 202 when nothing was rejected; 422 when the single envelope of a non-batch request was
   * rejected; 207 when a batch holds a rejection (each is recorded on custody.rejected, so the
   * request as a whole was still taken).
   */
  public HttpStatus status(boolean batch) {
    boolean anyRejected = results.stream().anyMatch(EventResult::rejected);
    if (!anyRejected) {
      return HttpStatus.ACCEPTED;
    }
    return batch ? HttpStatus.MULTI_STATUS : HttpStatus.UNPROCESSABLE_ENTITY;
  }
}
