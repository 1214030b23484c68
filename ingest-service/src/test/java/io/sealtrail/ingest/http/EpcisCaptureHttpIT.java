package io.sealtrail.ingest.http;

import static io.sealtrail.ingest.http.Fixtures.OCCURRED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.rejection.RejectedSubmission;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /v1/epcis/capture} end to end on a real ingest and broker: a signed EPCIS document's
 * events verified as the custody events they mean, each answered like {@code POST /v1/events}, each
 * rejection on custody.rejected with its pointer into the document.
 */
class EpcisCaptureHttpIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ID = "https://id.sealtrail.example/";
  private static final Fixtures FIX = new Fixtures();
  private static HttpRig rig;

  @BeforeAll
  static void startService() throws Exception {
    rig =
        new HttpRig(
            KAFKA.bootstrapServers(), EmbeddedKafka.uniqueName("epcis"), FIX.all(), Map.of());
  }

  @AfterAll
  static void stopService() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void shouldAcceptEachMappedEventAndRecordTheUnmappableOneWhenADocumentIsCaptured()
      throws Exception {
    byte[] document = document("a", OCCURRED);
    byte[] envelope = signed(document, FIX.acmeKey);

    var answer = capture(envelope);

    assertThat(answer.status()).isEqualTo(207);
    JsonNode results = answer.body().get("results");
    assertThat(results).hasSize(4);
    assertThat(results.get(0).get("status").asText()).isEqualTo("accepted");
    assertThat(results.get(0).get("eventId").asText()).isEqualTo("a-asm");
    assertThat(results.get(1).get("foldedInto").asText()).isEqualTo("/epcisBody/eventList/0");
    assertThat(results.get(1).get("offset")).isEqualTo(results.get(0).get("offset"));
    assertThat(results.get(2).get("status").asText()).isEqualTo("accepted");
    assertThat(results.get(2).get("eventId").asText()).isEqualTo("a-seal");
    JsonNode refused = results.get(3);
    assertThat(refused.get("status").asText()).isEqualTo("rejected");
    assertThat(refused.get("reason").asText()).isEqualTo("SCHEMA_VIOLATION");
    assertThat(refused.get("code").asText()).isEqualTo("UNSUPPORTED_EVENT_TYPE");
    assertThat(refused.get("pointer").asText()).startsWith("/epcisBody/eventList/3");
    assertThat(refused.get("field").asText())
        .isEqualTo("/payload" + refused.get("pointer").asText());

    List<VerifiedEvent> events = eventsOf("a-");
    // custody.events is keyed by subject: the two events are on partitions of their own.
    assertThat(events)
        .extracting(e -> e.getEvent().getEventId())
        .containsExactlyInAnyOrder("a-asm", "a-seal");
    VerifiedEvent assembled =
        events.stream().filter(e -> e.getEvent().getEventId().equals("a-asm")).findFirst().get();
    assertThat(assembled.getEvent().getType().name()).isEqualTo("ASSEMBLED");
    assertThat(assembled.getEvent().getDetail().toString()).contains("L-9");
    // The signed original is the whole envelope the partner signed, payload byte for byte.
    assertThat(assembled.getEnvelope().getPayloadType())
        .isEqualTo(SubmissionVerifier.EPCIS_PAYLOAD_TYPE);
    assertThat(bytes(assembled.getEnvelope().getPayload())).isEqualTo(document);
    assertThat(assembled.getSigners()).extracting(s -> s.getPartnerId()).containsExactly("acme");
    RejectedSubmission rejection =
        rejectionAt("/payload" + refused.get("pointer").asText(), envelope);
    assertThat(rejection.getDetail()).startsWith("UNSUPPORTED_EVENT_TYPE: ");
    assertThat(rejection.getPartnerId()).isEqualTo("acme");
    assertThat(bytes(rejection.getOriginal())).isEqualTo(envelope);
  }

  @Test
  void shouldAnswerDuplicatesAndWriteNothingWhenTheSameDocumentIsCapturedAgain() throws Exception {
    byte[] envelope = signed(document("b", OCCURRED), FIX.acmeKey);
    var first = capture(envelope);

    var again = capture(envelope);

    assertThat(again.status()).isEqualTo(207);
    for (int i : new int[] {0, 1, 2}) {
      JsonNode result = again.body().get("results").get(i);
      assertThat(result.get("status").asText()).isEqualTo("duplicate");
      assertThat(result.get("offset")).isEqualTo(first.body().get("results").get(i).get("offset"));
    }
    assertThat(eventsOf("b-")).hasSize(2);
  }

  @Test
  void shouldRejectEveryEventAsReplayWhenTheSameIdsComeInAnotherDocument() throws Exception {
    capture(signed(document("c", OCCURRED), FIX.acmeKey));

    var other = capture(signed(document("c", OCCURRED.minusSeconds(5)), FIX.acmeKey));

    JsonNode result = other.body().get("results").get(2);
    assertThat(result.get("reason").asText()).isEqualTo("REPLAY");
    assertThat(result.get("pointer").asText()).isEqualTo("/epcisBody/eventList/2");
    assertThat(eventsOf("c-")).hasSize(2);
  }

  @Test
  void shouldRejectTheWholeDocumentWhenTheSignatureDoesNotVerify() throws Exception {
    ObjectNode envelope = (ObjectNode) JSON.readTree(signed(document("d", OCCURRED), FIX.acmeKey));
    ObjectNode signature = (ObjectNode) envelope.get("signatures").get(0);
    String sig = signature.get("sig").asText();
    signature.put("sig", (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1));

    var answer = capture(JSON.writeValueAsBytes(envelope));

    // Every event is refused for the signature, never for its content: a forger learns nothing.
    assertThat(answer.status()).isEqualTo(207);
    for (JsonNode result : answer.body().get("results")) {
      assertThat(result.get("reason").asText()).isEqualTo("BAD_SIGNATURE");
      assertThat(result.get("field").asText()).isEqualTo("/signatures/0/sig");
      assertThat(result.has("pointer")).isFalse();
    }
    assertThat(eventsOf("d-")).isEmpty();
  }

  @Test
  void shouldRejectTheDocumentAsAWholeWhenItIsNoEpcisDocument() throws Exception {
    ObjectNode document = (ObjectNode) JSON.readTree(document("e", OCCURRED));
    document.put("type", "EPCISQueryDocument");

    var answer = capture(signed(JSON.writeValueAsBytes(document), FIX.acmeKey));

    assertThat(answer.status()).isEqualTo(422);
    JsonNode result = answer.body().get("results").get(0);
    assertThat(result.has("index")).isFalse();
    assertThat(result.get("reason").asText()).isEqualTo("MALFORMED_EVENT");
    assertThat(result.get("code").asText()).isEqualTo("MALFORMED_DOCUMENT");
    assertThat(result.get("pointer").asText()).isEqualTo("/type");
    assertThat(rejectionAt("/payload/type", null).getReason().name()).isEqualTo("MALFORMED_EVENT");
  }

  @Test
  void shouldRejectACustodyEventEnvelopeWhenPostedAsACapture() throws Exception {
    var answer = capture(Fixtures.signed(Fixtures.seal("f-1", "acme", "S"), FIX.acmeKey));

    assertThat(answer.status()).isEqualTo(422);
    JsonNode result = answer.body().get("results").get(0);
    assertThat(result.get("reason").asText()).isEqualTo("MALFORMED_ENVELOPE");
    assertThat(result.get("field").asText()).isEqualTo("/payloadType");
  }

  @Test
  void shouldPointAtTheEventTimeWhenAMappedEventIsTooOld() throws Exception {
    var answer = capture(signed(document("g", Instant.parse("1969-12-31T23:00:00Z")), FIX.acmeKey));

    JsonNode result = answer.body().get("results").get(2);
    assertThat(result.get("reason").asText()).isEqualTo("TOO_OLD");
    assertThat(result.get("pointer").asText()).isEqualTo("/epcisBody/eventList/2/eventTime");
    assertThat(result.get("detail").asText()).startsWith("custody event field /occurredAt: ");
  }

  @Test
  void shouldRejectRoleNotAllowedAtTheBizStepWhenThePartnerMayNotReportTheMappedType()
      throws Exception {
    // rm is a release manager: the document verifies, but it may not report a seal.
    var answer = capture(signed(document("h", OCCURRED), FIX.releaseKey));

    JsonNode result = answer.body().get("results").get(2);
    assertThat(result.get("reason").asText()).isEqualTo("ROLE_NOT_ALLOWED");
    assertThat(result.get("pointer").asText()).isEqualTo("/epcisBody/eventList/2/bizStep");
  }

  @Test
  void shouldAnswerUnreadableBodyAndSubmitNothingWhenACaptureIsAnArrayOfEnvelopes()
      throws Exception {
    byte[] envelope = signed(document("i", OCCURRED), FIX.acmeKey);
    byte[] array =
        ("[" + new String(envelope, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);

    var answer = capture(array);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("type").asText()).endsWith("/unreadable-body");
    assertThat(eventsOf("i-")).isEmpty();
  }

  private static HttpRig.Answer capture(byte[] envelope) throws Exception {
    return rig.send("POST", "/v1/epcis/capture", "application/json", envelope, null);
  }

  private static List<VerifiedEvent> eventsOf(String prefix) {
    return rig.events().stream().filter(e -> e.getEvent().getEventId().startsWith(prefix)).toList();
  }

  /** The last rejection at {@code field}, of {@code original} when given. */
  private static RejectedSubmission rejectionAt(String field, byte[] original) {
    return rig.rejected().stream()
        .filter(r -> field.equals(r.getField()))
        .filter(r -> original == null || java.util.Arrays.equals(bytes(r.getOriginal()), original))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no rejection at " + field));
  }

  private static byte[] signed(byte[] document, Signer key) {
    return EnvelopeJson.write(
            EnvelopeSigner.sign(SubmissionVerifier.EPCIS_PAYLOAD_TYPE, document, List.of(key)))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /**
   * An EPCIS document of four events with ids {@code <run>-…}: a device assembled (commissioning,
   * and the association of its parts, folded into it), a seal applied, and a transformation, which
   * no custody event means.
   */
  private static byte[] document(String run, Instant at) throws Exception {
    ObjectNode document = JSON.createObjectNode();
    ArrayNode context = document.putArray("@context");
    context.add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
    context.addObject().put("st", "https://sealtrail.example/epcis/");
    document.put("type", "EPCISDocument");
    document.put("schemaVersion", "2.0");
    document.put("creationDate", at.toString());
    ArrayNode events = document.putObject("epcisBody").putArray("eventList");
    ObjectNode assembled = event(events, "ObjectEvent", at, "ADD", "commissioning");
    assembled.put("disposition", "active");
    assembled.putArray("epcList").add(ID + "serial/" + run.toUpperCase() + "-DEV-1");
    assembled.putObject("ilmd").put("st:product", "widget").put("st:bomRevision", "B3");
    assembled.put("st:custodyEventId", run + "-asm");
    ObjectNode parts = event(events, "AssociationEvent", at, "ADD", "assembling");
    parts.put("parentID", ID + "serial/" + run.toUpperCase() + "-DEV-1");
    parts
        .putArray("childQuantityList")
        .addObject()
        .put("epcClass", ID + "lot/PN-SCREW/L-9")
        .put("quantity", 2);
    parts.put("st:custodyEventId", run + "-asm");
    ObjectNode sealed = event(events, "ObjectEvent", at, "OBSERVE", "packing");
    sealed.put("disposition", "container_closed");
    sealed.putArray("epcList").add(ID + "serial/" + run.toUpperCase() + "-CTN-1");
    sealed.put("st:sealId", "SEAL-" + run);
    sealed.put("eventID", ID + "event/" + run + "-seal");
    sealed.put("st:custodyEventId", run + "-seal");
    ObjectNode transformed = events.addObject();
    transformed.put("type", "TransformationEvent");
    transformed.put("eventTime", at.toString());
    transformed.put("eventTimeZoneOffset", "+00:00");
    transformed.putArray("inputEPCList").add(ID + "serial/" + run.toUpperCase() + "-DEV-1");
    transformed.putArray("outputEPCList").add(ID + "serial/" + run.toUpperCase() + "-DEV-2");
    return JSON.writeValueAsBytes(document);
  }

  private static ObjectNode event(
      ArrayNode events, String type, Instant at, String action, String bizStep) {
    ObjectNode event = events.addObject();
    event.put("type", type);
    event.put("eventTime", at.toString());
    event.put("eventTimeZoneOffset", "+00:00");
    event.put("action", action);
    event.put("bizStep", bizStep);
    event.putObject("readPoint").put("id", ID + "site/factory-1/station/line-2");
    event.putObject("bizLocation").put("id", ID + "site/factory-1");
    return event;
  }
}
