package io.sealtrail.ingest.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.avro.outcome.PartnerOutcome;
import io.sealtrail.ingest.outcome.OutcomeLog;
import java.util.Locale;

/**
 * One outcome as {@code GET /v1/partners/{id}/outcomes} answers it: the fields of the Avro record
 * on the partner's topic, its status spelled as {@code POST /v1/events} spells it, and its position
 * on that topic (ask for {@code since=position+1} to go on).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeView(
    long position,
    String status,
    String eventId,
    Integer partition,
    Long offset,
    String payloadSha256,
    String reason,
    String field,
    Integer signatureIndex,
    String detail,
    String submissionId,
    String receivedAt,
    String channel,
    String source) {

  static OutcomeView of(OutcomeLog.Positioned positioned) {
    PartnerOutcome o = positioned.outcome();
    return new OutcomeView(
        positioned.position(),
        o.getStatus().name().toLowerCase(Locale.ROOT),
        o.getEventId(),
        o.getPartition(),
        o.getOffset(),
        o.getPayloadSha256(),
        o.getReason(),
        o.getField(),
        o.getSignatureIndex(),
        o.getDetail(),
        o.getSubmissionId(),
        o.getReceivedAt().toString(),
        o.getChannel().name().toLowerCase(Locale.ROOT),
        o.getSource());
  }
}
