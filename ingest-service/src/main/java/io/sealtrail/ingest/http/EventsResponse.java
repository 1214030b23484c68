package io.sealtrail.ingest.http;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The body of a {@code POST /v1/events} answer: one result per envelope, in request order. */
@Serdeable
public record EventsResponse(List<EventResult> results) {
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
