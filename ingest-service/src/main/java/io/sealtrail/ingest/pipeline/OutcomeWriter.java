package io.sealtrail.ingest.pipeline;

import io.sealtrail.avro.common.SubmissionChannel;
import io.sealtrail.avro.outcome.OutcomeStatus;
import io.sealtrail.avro.outcome.PartnerOutcome;
import io.sealtrail.ingest.gateway.SubmissionResult;
import io.sealtrail.ingest.outcome.OutcomeTopics;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.trust.partner.PartnerDirectory;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes each submission's outcome to its partner's own topic, {@code custody.outcomes.<partnerId>}
 * (ADR 11), in the verifier's transaction with the decision, so an outcome is visible exactly when
 * the decision is. The partner is the one the event claims when it is registered, else the holder
 * of the key that signed first: a rejected submission reaches the partner it names or whose key it
 * carries (that partner learns of forgeries in its name), and nothing reaches anyone for a claim no
 * registered partner matches.
 */
final class OutcomeWriter {
  private final OutcomeTopics topics;
  private final Serializer<PartnerOutcome> serializer;
  private final Supplier<PartnerDirectory> directory;

  OutcomeWriter(
      OutcomeTopics topics,
      Serializer<PartnerOutcome> serializer,
      Supplier<PartnerDirectory> directory) {
    this.topics = topics;
    this.serializer = serializer;
    this.directory = directory;
  }

  /** Sends the outcome of {@code written}, if it has a registered partner; after the flush. */
  void write(Written written, Producer<String, byte[]> producer) {
    partner(written)
        .flatMap(topics::ensure)
        .ifPresent(
            topic -> {
              PartnerOutcome value = value(written);
              String key =
                  value.getEventId() != null ? value.getEventId() : value.getSubmissionId();
              producer.send(
                  new ProducerRecord<>(
                      topic.name(), key, serializer.serialize(topic.name(), value)));
            });
  }

  /** The registered partner whose outcome {@code written} is, if any. */
  Optional<String> partner(Written written) {
    PartnerDirectory partners = directory.get();
    if (written instanceof Written.Accepted accepted) {
      return Optional.of(accepted.partnerId());
    }
    if (written instanceof Written.Duplicate duplicate) {
      return Optional.of(duplicate.partnerId());
    }
    Claim claim = ((Written.Rejected) written).rejection().claim();
    return partners
        .partner(claim.partnerId())
        .map(p -> p.partnerId())
        .or(() -> partners.key(claim.keyId()).map(key -> key.partner().partnerId()));
  }

  /** The outcome record of {@code written}; event positions are read, so only after the flush. */
  static PartnerOutcome value(Written written) {
    Submission submission = written.submission();
    var outcome =
        PartnerOutcome.newBuilder()
            .setSubmissionId(submission.submissionId())
            .setReceivedAt(submission.receivedAt())
            .setChannel(SubmissionChannel.valueOf(submission.channel().name()))
            .setSource(submission.source());
    SubmissionResult result = written.result();
    if (result instanceof SubmissionResult.Accepted accepted) {
      return outcome
          .setStatus(OutcomeStatus.ACCEPTED)
          .setEventId(accepted.eventId())
          .setPartition(accepted.partition())
          .setOffset(accepted.offset())
          .setPayloadSha256(((Written.Accepted) written).payloadSha256())
          .build();
    }
    if (result instanceof SubmissionResult.Duplicate duplicate) {
      return outcome
          .setStatus(OutcomeStatus.DUPLICATE)
          .setEventId(duplicate.eventId())
          .setPartition(duplicate.partition())
          .setOffset(duplicate.offset())
          .setPayloadSha256(((Written.Duplicate) written).payloadSha256())
          .build();
    }
    var rejected = (SubmissionResult.Rejected) result;
    return outcome
        .setStatus(OutcomeStatus.REJECTED)
        .setEventId(((Written.Rejected) written).rejection().claim().eventId())
        .setReason(rejected.reason().name())
        .setField(rejected.field())
        .setSignatureIndex(rejected.signatureIndex())
        .setDetail(rejected.detail())
        .build();
  }
}
