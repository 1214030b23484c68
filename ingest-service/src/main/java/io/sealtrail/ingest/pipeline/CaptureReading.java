package io.sealtrail.ingest.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.epcis.capture.CaptureReport;
import io.sealtrail.epcis.capture.EpcisCapture;
import io.sealtrail.epcis.capture.EventOutcome;
import io.sealtrail.epcis.capture.RejectionCode;
import io.sealtrail.ingest.submission.CaptureItem;
import io.sealtrail.ingest.submission.ParsedSubmission;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.trust.ParsedEnvelope;
import io.sealtrail.trust.RejectionReason;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.dsse.Envelope;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the custody event an EPCIS capture submission stands for: the partner's signed document is
 * parsed strictly (as any payload) and mapped with {@link EpcisCapture} for the capturing partner,
 * and the event at the submission's index becomes the payload trust and the schema judge, carried
 * by the envelope the partner signed ({@link ParsedEnvelope#carrying}). An event that cannot be
 * mapped is {@link Refused}, its refusal told only once the envelope proved authentic.
 *
 * <p>Every event of a document is a submission of its own, carrying the whole envelope, so the
 * document is read once per event: the last document read is kept, and a capture's submissions,
 * which follow each other on the partner's partition, parse and map it once. Used by one verifier
 * thread; not thread-safe.
 */
final class CaptureReading {
  /** What a capture submission stands for. */
  sealed interface Read permits Carried, Refused {
    ParsedSubmission parsed();
  }

  /**
   * A mapped custody event, to be judged like a submitted one.
   *
   * @param eventPointer the event's JSON pointer in the EPCIS document
   */
  record Carried(ParsedSubmission parsed, String eventPointer) implements Read {}

  /**
   * No custody event: refused with {@code refusal} unless the envelope itself is refused first.
   * {@code parsed} carries no event, only the envelope for its signatures.
   */
  record Refused(ParsedSubmission parsed, Rejection refusal) implements Read {}

  private final EpcisCapture epcis = new EpcisCapture();
  private byte[] lastBytes;
  private String lastPartner;
  private ParsedEnvelope lastEnvelope;
  private CaptureReport lastReport;

  Read read(Submission submission) {
    CaptureItem item = submission.capture();
    byte[] bytes = submission.envelope();
    ParsedEnvelope parsed = parse(bytes);
    if (parsed.envelope().isEmpty()) {
      // Trust refuses a malformed envelope before anything else: judge it as it is.
      return new Carried(new ParsedSubmission(submission, parsed), "");
    }
    Envelope envelope = parsed.envelope().get();
    ParsedSubmission bare =
        new ParsedSubmission(
            submission,
            ParsedEnvelope.carrying(envelope, SubmissionVerifier.EPCIS_PAYLOAD_TYPE, null));
    Claim claim = new Claim(item.partnerId(), parsed.firstKeyId().orElse(null), null, null, null);
    if (!SubmissionVerifier.EPCIS_PAYLOAD_TYPE.equals(envelope.payloadType())) {
      // Trust names the payload type once the signatures verified; nothing else can be said.
      return new Refused(
          bare, refusal(RejectionCode.MALFORMED_DOCUMENT, "", "not an EPCIS capture", claim));
    }
    if (parsed.payload().isEmpty()) {
      String why = parsed.headerDefect().map(Exception::getMessage).orElse("not a JSON object");
      return new Refused(
          bare,
          refusal(
              RejectionCode.MALFORMED_DOCUMENT,
              "",
              "an EPCIS document is a JSON object: " + why,
              claim));
    }
    CaptureReport report = report(item.partnerId(), parsed.payload().get());
    if (report instanceof CaptureReport.DocumentRejected rejected) {
      var r = rejected.rejection();
      return new Refused(bare, refusal(r.code(), r.pointer(), r.message(), claim));
    }
    List<EventOutcome> outcomes = ((CaptureReport.Events) report).outcomes();
    if (item.wholeDocument() || item.index() >= outcomes.size()) {
      String why =
          outcomes.isEmpty()
              ? "the document holds no event"
              : "the capture names no event of the document (index " + item.index() + ")";
      return new Refused(
          bare, refusal(RejectionCode.MALFORMED_DOCUMENT, "/epcisBody/eventList", why, claim));
    }
    EventOutcome outcome = outcomes.get(item.index());
    if (outcome instanceof EventOutcome.Mapped mapped) {
      ParsedEnvelope carried =
          ParsedEnvelope.carrying(
              envelope, SubmissionVerifier.EPCIS_PAYLOAD_TYPE, mapped.custodyEvent());
      return new Carried(new ParsedSubmission(submission, carried), mapped.pointer());
    }
    if (outcome instanceof EventOutcome.Rejected rejected) {
      var r = rejected.rejection();
      return new Refused(bare, refusal(r.code(), r.pointer(), r.message(), claim));
    }
    var folded = (EventOutcome.Folded) outcome;
    // The door answers a folded event with the event it folds into and never submits it alone.
    return new Refused(
        bare,
        refusal(
            RejectionCode.MALFORMED_DOCUMENT,
            folded.pointer(),
            "the event is part of the custody event at " + folded.into() + ", not one of its own",
            claim));
  }

  private ParsedEnvelope parse(byte[] bytes) {
    if (!Arrays.equals(bytes, lastBytes)) {
      lastBytes = bytes;
      lastEnvelope = ParsedEnvelope.parse(bytes);
      lastPartner = null;
      lastReport = null;
    }
    return lastEnvelope;
  }

  /** The report of the document {@link #parse} read last, for {@code partnerId}. */
  private CaptureReport report(String partnerId, JsonNode document) {
    if (lastReport == null || !partnerId.equals(lastPartner)) {
      lastReport = epcis.map(document, partnerId);
      lastPartner = partnerId;
    }
    return lastReport;
  }

  /**
   * The contract's reason for an EPCIS code: the capturing partner named another ({@code
   * PARTNER_MISMATCH}), the payload is no EPCIS document ({@code MALFORMED_EVENT}), or an event is
   * no custody event ({@code SCHEMA_VIOLATION}); the EPCIS code leads the detail.
   */
  static Rejection refusal(RejectionCode code, String pointer, String message, Claim claim) {
    RejectionReason reason =
        switch (code) {
          case PARTNER_MISMATCH -> RejectionReason.PARTNER_MISMATCH;
          case MALFORMED_DOCUMENT, MISSING_GS1_CONTEXT -> RejectionReason.MALFORMED_EVENT;
          default -> RejectionReason.SCHEMA_VIOLATION;
        };
    return new Rejection(reason, "/payload" + pointer, null, code.name() + ": " + message, claim);
  }
}
