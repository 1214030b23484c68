package io.sealtrail.ingest.pipeline;

import io.sealtrail.avro.common.RejectionReason;
import io.sealtrail.avro.common.SubmissionChannel;
import io.sealtrail.avro.event.EnvelopeSignature;
import io.sealtrail.avro.event.SignedEnvelope;
import io.sealtrail.avro.event.Signer;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.rejection.RejectedSubmission;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.trust.VerifiedSigner;
import io.sealtrail.trust.dsse.Envelope;
import java.nio.ByteBuffer;

/**
 * Maps verification outcomes to the Avro values of {@code custody.events} and {@code
 * custody.rejected}.
 */
final class AvroMapping {
  private AvroMapping() {}

  static VerifiedEvent verifiedEvent(Judgement.Authentic authentic, Submission submission) {
    return VerifiedEvent.newBuilder()
        .setEvent(authentic.event())
        .setEnvelope(envelope(authentic.verified().envelope()))
        .setPayloadSha256(authentic.payloadSha256())
        .setSigners(authentic.verified().signers().stream().map(AvroMapping::signer).toList())
        .setReceivedAt(submission.receivedAt())
        .setChannel(SubmissionChannel.valueOf(submission.channel().name()))
        .build();
  }

  static RejectedSubmission rejectedSubmission(Rejection rejection, Submission submission) {
    Claim claim = rejection.claim();
    return RejectedSubmission.newBuilder()
        .setSubmissionId(submission.submissionId())
        .setReceivedAt(submission.receivedAt())
        .setChannel(SubmissionChannel.valueOf(submission.channel().name()))
        .setReason(RejectionReason.valueOf(rejection.reason().name()))
        .setField(rejection.field())
        .setSignatureIndex(rejection.signatureIndex())
        .setDetail(rejection.detail())
        .setPartnerId(claim.partnerId())
        .setKeyId(claim.keyId())
        .setEventId(claim.eventId())
        .setEventType(claim.eventType())
        .setSite(claim.site())
        .setSource(submission.source())
        .setOriginal(ByteBuffer.wrap(submission.envelope()))
        .build();
  }

  private static SignedEnvelope envelope(Envelope envelope) {
    return SignedEnvelope.newBuilder()
        .setPayloadType(envelope.payloadType())
        .setPayload(ByteBuffer.wrap(envelope.payload()))
        .setSignatures(
            envelope.signatures().stream()
                .map(
                    s ->
                        EnvelopeSignature.newBuilder()
                            .setKeyid(s.keyid())
                            .setSig(ByteBuffer.wrap(s.sig()))
                            .build())
                .toList())
        .build();
  }

  private static Signer signer(VerifiedSigner signer) {
    return Signer.newBuilder()
        .setKeyId(signer.keyId().hex())
        .setPartnerId(signer.partnerId())
        .setRoles(signer.roles().stream().sorted().toList())
        .build();
  }
}
