package io.sealtrail.ingest.epcis;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The body of a {@code POST /v1/epcis/capture} answer: one result per event of the document, in
 * document order, or one result without an index when the document as a whole was refused.
 */
@Serdeable
public record CaptureResponse(List<CaptureResult> results) {
  public CaptureResponse {
    results = List.copyOf(results);
  }

  /**
   * As {@code POST /v1/events} answers a batch: 202 when nothing was rejected, 207 when an event
   * was (each rejection is recorded on custody.rejected, so the request was taken); 422 when the
   * document as a whole was refused, as for a single envelope.
   */
  HttpStatus status() {
    if (results.stream().noneMatch(CaptureResult::rejected)) {
      return HttpStatus.ACCEPTED;
    }
    boolean wholeDocument = results.size() == 1 && results.get(0).index() == null;
    return wholeDocument ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.MULTI_STATUS;
  }
}
