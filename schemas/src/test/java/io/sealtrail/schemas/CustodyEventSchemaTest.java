package io.sealtrail.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.common.SubmissionChannel;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.avro.event.EnvelopeSignature;
import io.sealtrail.avro.event.SignedEnvelope;
import io.sealtrail.avro.event.Signer;
import io.sealtrail.avro.event.VerifiedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The custody event model: one detail branch per event type, and lossless Avro round trips. */
class CustodyEventSchemaTest {

  private static final Instant T0 = Instant.parse("2026-11-01T08:00:00.123Z");

  @Test
  void shouldHaveOneDetailBranchPerEventTypeWhenComparedByName() {
    List<Schema> branches = CustodyEvent.getClassSchema().getField("detail").schema().getTypes();

    List<String> branchNames = branches.stream().map(Schema::getName).toList();
    List<String> expected =
        Arrays.stream(EventType.values()).map(CustodyEventSchemaTest::pascalCase).toList();
    assertThat(branchNames).containsExactlyElementsOf(expected);
  }

  @Test
  void shouldKeepEveryFieldWhenVerifiedEventRoundTripsThroughAvroBinary() throws IOException {
    VerifiedEvent original = attestedEvent();

    VerifiedEvent copy = roundTrip(original);

    assertThat(copy).isEqualTo(original);
    assertThat(copy.getEvent().getOccurredAt()).isEqualTo(T0);
    assertThat(copy.getEvent().getDetail()).isInstanceOf(Attested.class);
  }

  private static VerifiedEvent attestedEvent() {
    byte[] payload = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
    var detail =
        Attested.newBuilder()
            .setNonce("00ff")
            .setMeasurementSha256("ab".repeat(32))
            .setCounter(7)
            .setQuote(ByteBuffer.wrap(new byte[] {1, 2, 3}))
            .setVerdict(AttestationResult.PASS)
            .build();
    var event =
        CustodyEvent.newBuilder()
            .setEventId("e-1")
            .setType(EventType.ATTESTED)
            .setOccurredAt(T0)
            .setPartnerId("acme-field")
            .setSite("berlin")
            .setSubject("DEV-0001")
            .setDetail(detail)
            .build();
    var envelope =
        SignedEnvelope.newBuilder()
            .setPayloadType("application/vnd.sealtrail.event+json")
            .setPayload(ByteBuffer.wrap(payload))
            .setSignatures(
                List.of(new EnvelopeSignature("ab12", ByteBuffer.wrap(new byte[] {9, 9}))))
            .build();
    return VerifiedEvent.newBuilder()
        .setEvent(event)
        .setEnvelope(envelope)
        .setPayloadSha256("cd".repeat(32))
        .setSigners(List.of(new Signer("ab12", "acme-field", List.of("FIELD_SERVICE"))))
        .setReceivedAt(T0.plusSeconds(1))
        .setChannel(SubmissionChannel.HTTP)
        .build();
  }

  private static VerifiedEvent roundTrip(VerifiedEvent value) throws IOException {
    var out = new ByteArrayOutputStream();
    var encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(VerifiedEvent.class).write(value, encoder);
    encoder.flush();
    var decoder = DecoderFactory.get().binaryDecoder(out.toByteArray(), null);
    return new SpecificDatumReader<>(VerifiedEvent.class).read(null, decoder);
  }

  private static String pascalCase(EventType type) {
    var name = new StringBuilder();
    for (String word : type.name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return name.toString();
  }
}
