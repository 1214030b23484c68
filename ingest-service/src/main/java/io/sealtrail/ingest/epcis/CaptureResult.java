package io.sealtrail.ingest.epcis;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.epcis.capture.RejectionCode;
import io.sealtrail.ingest.http.EventResult;

/**
 * The answer for one event of an EPCIS capture: the fields of a {@code POST /v1/events} result,
 * plus where it is in the EPCIS document.
 *
 * @param index the event's position in {@code epcisBody.eventList}; null when the document as a
 *     whole was refused (it holds no event that could be answered)
 * @param pointer on a rejection, the RFC 6901 pointer into the EPCIS document ({@code field}
 *     without its {@code /payload} prefix); absent when the envelope itself was at fault
 * @param code on a rejection by the EPCIS mapping, its stable code ({@code UNMAPPABLE_EVENT}, ...)
 * @param foldedInto for an assembling AssociationEvent: the pointer of the commissioning event
 *     whose custody event holds its parts; its answer is that event's
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaptureResult(
    Integer index,
    String status,
    String eventId,
    Integer partition,
    Long offset,
    String reason,
    String field,
    Integer signatureIndex,
    String detail,
    String pointer,
    String code,
    String foldedInto) {

  static CaptureResult of(Integer index, EventResult result, String foldedInto) {
    return new CaptureResult(
        index,
        result.status(),
        result.eventId(),
        result.partition(),
        result.offset(),
        result.reason(),
        result.field(),
        result.signatureIndex(),
        result.detail(),
        pointer(result.field()),
        code(result.detail()),
        foldedInto);
  }

  /** With the custody event id the door read, for a rejection that names none. */
  CaptureResult withEventId(String id) {
    if (eventId != null || id == null) {
      return this;
    }
    return new CaptureResult(
        index,
        status,
        id,
        partition,
        offset,
        reason,
        field,
        signatureIndex,
        detail,
        pointer,
        code,
        foldedInto);
  }

  public boolean rejected() {
    return "rejected".equals(status);
  }

  private static String pointer(String field) {
    return field != null && (field.equals("/payload") || field.startsWith("/payload/"))
        ? field.substring("/payload".length())
        : null;
  }

  /** The EPCIS code the verifier puts first in the detail of a mapping's refusal. */
  private static String code(String detail) {
    if (detail == null) {
      return null;
    }
    int colon = detail.indexOf(": ");
    if (colon < 0) {
      return null;
    }
    String head = detail.substring(0, colon);
    for (RejectionCode code : RejectionCode.values()) {
      if (code.name().equals(head)) {
        return head;
      }
    }
    return null;
  }
}
