package io.sealtrail.ingest.pipeline;

import java.util.Map;

/**
 * Points a captured event's rejection into the EPCIS document the partner signed. The checks after
 * mapping (policy, schema, clock, dedup) name a field of the custody event the EPCIS event means,
 * which the partner never wrote: the pointer becomes the EPCIS member it came from where one field
 * gives it (time, step, place), else the EPCIS event itself, and the custody field is named in the
 * detail. Pointers into the envelope ({@code /signatures/0/sig}, {@code /payloadType}) stay.
 */
final class CapturePointers {
  /** Custody header fields and the EPCIS member each is read from. */
  private static final Map<String, String> MEMBERS =
      Map.of(
          "/occurredAt", "/eventTime",
          "/type", "/bizStep",
          "/site", "/bizLocation",
          "/station", "/readPoint");

  private CapturePointers() {}

  static Rejection intoDocument(Rejection rejection, CaptureReading.Carried carried) {
    String field = rejection.field();
    if (carried.eventPointer().isEmpty()
        || field == null
        || field.startsWith("/signatures")
        || field.equals("/payloadType")) {
      return rejection;
    }
    String custodyField =
        field.startsWith("/payload") ? field.substring("/payload".length()) : field;
    String event = "/payload" + carried.eventPointer();
    String pointer = event + MEMBERS.getOrDefault(custodyField, "");
    String detail =
        custodyField.isEmpty()
            ? rejection.detail()
            : "custody event field " + custodyField + ": " + rejection.detail();
    return new Rejection(
        rejection.reason(), pointer, rejection.signatureIndex(), detail, rejection.claim());
  }
}
