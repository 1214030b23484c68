package io.sealtrail.ingest.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AttestationResult;
import io.sealtrail.avro.common.EventType;
import io.sealtrail.avro.event.Attested;
import io.sealtrail.avro.event.Received;
import io.sealtrail.avro.event.Scanned;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading signed payloads into custody events, and the exact field named when one is wrong. */
class EventReaderTest {

  private static final String SHA = "ab".repeat(32);
  private static final Map<EventType, String> VALID_DETAILS =
      Map.ofEntries(
          Map.entry(
              EventType.COMPONENT_RECEIVED,
              "{\"partNumber\":\"PN-1\",\"lot\":\"L-7\",\"supplier\":\"acme\",\"certificateSha256\":\""
                  + SHA
                  + "\"}"),
          Map.entry(
              EventType.ASSEMBLED,
              "{\"product\":\"gw\",\"bomRevision\":\"B\",\"components\":[{\"partNumber\":\"PN-1\",\"lot\":\"L-7\"},"
                  + "{\"partNumber\":\"PN-2\",\"serial\":\"C-9\",\"lot\":\"L-8\"}]}"),
          Map.entry(
              EventType.KEY_PROVISIONED,
              "{\"publicKey\":\"MCowBQYDK2VwAyEA\",\"keyAlg\":\"ED25519\",\"secureElement\":\"se050\"}"),
          Map.entry(
              EventType.FIRMWARE_RELEASED,
              "{\"product\":\"gw\",\"version\":\"1.2.0\",\"imageSha256\":\"" + SHA + "\"}"),
          Map.entry(
              EventType.FIRMWARE_FLASHED,
              "{\"product\":\"gw\",\"version\":\"1.2.0\",\"imageSha256\":\"" + SHA + "\"}"),
          Map.entry(EventType.SEAL_APPLIED, "{\"sealId\":\"S-1\"}"),
          Map.entry(EventType.SEAL_CHECKED, "{\"sealId\":\"S-1\",\"intact\":true}"),
          Map.entry(EventType.PACKED, "{\"contents\":[\"DEV-1\",\"DEV-2\"]}"),
          Map.entry(EventType.UNPACKED, "{\"contents\":[\"DEV-1\"]}"),
          Map.entry(
              EventType.SHIPPED,
              "{\"shipmentId\":\"SH-1\",\"toSite\":\"dock-b\",\"manifest\":[\"BOX-1\"],\"sealId\":\"S-1\"}"),
          Map.entry(
              EventType.RECEIVED,
              "{\"shipmentId\":\"SH-1\",\"fromSite\":\"factory\",\"scanned\":[\"BOX-1\"],\"sealId\":\"S-1\",\"sealIntact\":true}"),
          Map.entry(EventType.SCANNED, "{}"),
          Map.entry(
              EventType.ATTESTED,
              "{\"nonce\":\"0a0b\",\"measurementSha256\":\""
                  + SHA
                  + "\",\"counter\":3,\"quote\":\"AQID\",\"result\":\"FAIL\"}"),
          Map.entry(EventType.COMMISSIONED, "{\"customer\":\"utility-co\"}"),
          Map.entry(EventType.DECOMMISSIONED, "{\"reason\":\"end of life\"}"),
          Map.entry(
              EventType.FIRMWARE_WITHDRAWN,
              "{\"product\":\"gw\",\"version\":\"1.2.0\",\"imageSha256\":\""
                  + SHA
                  + "\",\"reason\":\"CVE-2026-0001\"}"));

  private final EventReader reader = new EventReader();

  static Stream<EventType> eventTypes() {
    return Stream.of(EventType.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventTypes")
  void shouldReadEventWhenPayloadFollowsTheContract(EventType type) {
    String payload = event(type.name(), VALID_DETAILS.get(type));

    EventReading reading = reader.read(bytes(payload));

    assertThat(reading).isInstanceOf(EventReading.Read.class);
    var event = ((EventReading.Read) reading).event();
    assertThat(event.getType()).isEqualTo(type);
    assertThat(event.getEventId()).isEqualTo("ev-1");
    assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
    assertThat(event.getStation()).isEqualTo("st-4");
    assertThat(event.getOperator()).isNull();
  }

  @Test
  void shouldMapResultToVerdictAndDecodeQuoteWhenAttested() {
    var reading = reader.read(bytes(event("ATTESTED", VALID_DETAILS.get(EventType.ATTESTED))));

    var detail = (Attested) ((EventReading.Read) reading).event().getDetail();
    assertThat(detail.getVerdict()).isEqualTo(AttestationResult.FAIL);
    assertThat(detail.getQuote().array()).containsExactly(1, 2, 3);
    assertThat(detail.getCounter()).isEqualTo(3);
  }

  @Test
  void shouldCarryTheStreamAndSequenceNumberWhenTheEventHasThem() {
    var read = reader.read(bytes(positioned("\"stream\":\"dock-3\",\"sequence\":41")));
    var none = reader.read(bytes(event("SCANNED", "{}")));

    var event = ((EventReading.Read) read).event();
    assertThat(event.getStream()).isEqualTo("dock-3");
    assertThat(event.getSequence()).isEqualTo(41L);
    assertThat(((EventReading.Read) none).event().getStream()).isNull();
    assertThat(((EventReading.Read) none).event().getSequence()).isNull();
  }

  /** A valid SCANNED event with {@code fields} added at its top level. */
  private static String positioned(String fields) {
    return event("SCANNED", "{}").replace("{\"eventId\"", "{" + fields + ",\"eventId\"");
  }

  @Test
  void shouldLeaveOptionalFieldsNullWhenAbsent() {
    var received =
        reader.read(
            bytes(
                event("RECEIVED", "{\"shipmentId\":\"SH-1\",\"fromSite\":\"f\",\"scanned\":[]}")));
    var scanned = reader.read(bytes(event("SCANNED", "{}")));

    var detail = (Received) ((EventReading.Read) received).event().getDetail();
    assertThat(detail.getSealId()).isNull();
    assertThat(detail.getSealIntact()).isNull();
    assertThat(((Scanned) ((EventReading.Read) scanned).event().getDetail()).getComponents())
        .isNull();
  }

  static Stream<Arguments> defects() {
    return Stream.of(
        Arguments.of(
            "missingEventId",
            "{\"type\":\"SEAL_APPLIED\",\"occurredAt\":\"2026-11-21T08:00:00Z\",\"partnerId\":\"p\",\"site\":\"s\",\"subject\":\"D\",\"detail\":{\"sealId\":\"S\"}}",
            "/eventId",
            "is required"),
        Arguments.of("unknownType", event("TELEPORTED", "{}"), "/type", "must be one of"),
        Arguments.of(
            "unknownTopLevelField",
            event("SEAL_APPLIED", "{\"sealId\":\"S\"}")
                .replace("{\"eventId\"", "{\"extra\":1,\"eventId\""),
            "/extra",
            "unknown field"),
        Arguments.of(
            "unknownDetailField",
            event("SEAL_APPLIED", "{\"sealId\":\"S\",\"color\":\"red\"}"),
            "/detail/color",
            "unknown field"),
        Arguments.of(
            "localTimeWithOffset",
            event("SEAL_APPLIED", "{\"sealId\":\"S\"}").replace("08:00:00Z", "09:00:00+01:00"),
            "/occurredAt",
            "UTC"),
        Arguments.of(
            "dateWithoutTime",
            event("SEAL_APPLIED", "{\"sealId\":\"S\"}")
                .replace("2026-11-21T08:00:00Z", "2026-11-21"),
            "/occurredAt",
            "RFC 3339"),
        Arguments.of(
            "numericSubject",
            event("SEAL_APPLIED", "{\"sealId\":\"S\"}").replace("\"DEV-1\"", "42"),
            "/subject",
            "must be a string"),
        Arguments.of(
            "blankSite",
            event("SEAL_APPLIED", "{\"sealId\":\"S\"}").replace("\"plant-1\"", "\" \""),
            "/site",
            "blank"),
        Arguments.of("detailNotObject", event("SEAL_APPLIED", "[]"), "/detail", "JSON object"),
        Arguments.of(
            "uppercaseImageHash",
            event(
                "FIRMWARE_FLASHED",
                "{\"product\":\"gw\",\"version\":\"1\",\"imageSha256\":\""
                    + SHA.toUpperCase()
                    + "\"}"),
            "/detail/imageSha256",
            "hex"),
        Arguments.of(
            "shortImageHash",
            event(
                "FIRMWARE_FLASHED",
                "{\"product\":\"gw\",\"version\":\"1\",\"imageSha256\":\"abcd\"}"),
            "/detail/imageSha256",
            "64"),
        Arguments.of(
            "nonCanonicalBase64Quote",
            event("ATTESTED", VALID_DETAILS.get(EventType.ATTESTED).replace("AQID", "AQJ=")),
            "/detail/quote",
            "base64"),
        Arguments.of(
            "unpaddedBase64Quote",
            event("ATTESTED", VALID_DETAILS.get(EventType.ATTESTED).replace("AQID", "AQI")),
            "/detail/quote",
            "base64"),
        Arguments.of(
            "negativeCounter",
            event(
                "ATTESTED",
                VALID_DETAILS.get(EventType.ATTESTED).replace("\"counter\":3", "\"counter\":-1")),
            "/detail/counter",
            "non-negative"),
        Arguments.of(
            "fractionalCounter",
            event(
                "ATTESTED",
                VALID_DETAILS.get(EventType.ATTESTED).replace("\"counter\":3", "\"counter\":3.5")),
            "/detail/counter",
            "integer"),
        Arguments.of(
            "resultMaybe",
            event("ATTESTED", VALID_DETAILS.get(EventType.ATTESTED).replace("FAIL", "MAYBE")),
            "/detail/result",
            "PASS or FAIL"),
        Arguments.of(
            "intactAsString",
            event("SEAL_CHECKED", "{\"sealId\":\"S\",\"intact\":\"yes\"}"),
            "/detail/intact",
            "true or false"),
        Arguments.of(
            "blankSerialInManifest",
            event("SHIPPED", "{\"shipmentId\":\"SH\",\"toSite\":\"d\",\"manifest\":[\"A\",\"\"]}"),
            "/detail/manifest/1",
            "non-blank"),
        Arguments.of(
            "componentWithoutLot",
            event(
                "ASSEMBLED",
                "{\"product\":\"gw\",\"bomRevision\":\"B\",\"components\":[{\"partNumber\":\"PN\"}]}"),
            "/detail/components/0/lot",
            "is required"),
        Arguments.of(
            "streamWithoutSequence",
            positioned("\"stream\":\"dock-3\""),
            "/sequence",
            "is required with stream"),
        Arguments.of(
            "sequenceWithoutStream", positioned("\"sequence\":4"), "/stream", "is required"),
        Arguments.of(
            "negativeSequence",
            positioned("\"stream\":\"dock-3\",\"sequence\":-1"),
            "/sequence",
            ">= 0"),
        Arguments.of(
            "fractionalSequence",
            positioned("\"stream\":\"dock-3\",\"sequence\":2.5"),
            "/sequence",
            "integer"),
        Arguments.of(
            "sequenceAsString",
            positioned("\"stream\":\"dock-3\",\"sequence\":\"2\""),
            "/sequence",
            "integer"),
        Arguments.of(
            "numericStream",
            positioned("\"stream\":3,\"sequence\":2"),
            "/stream",
            "must be a string"),
        Arguments.of(
            "streamTooLong",
            positioned("\"stream\":\"" + "s".repeat(129) + "\",\"sequence\":2"),
            "/stream",
            "at most 128"),
        Arguments.of(
            "unsupportedDeviceKeyAlg",
            event("KEY_PROVISIONED", "{\"publicKey\":\"AQID\",\"keyAlg\":\"RSA\"}"),
            "/detail/keyAlg",
            "ED25519 or ECDSA_P256"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defects")
  void shouldNameTheFieldWhenPayloadBreaksTheSchema(
      String defect, String payload, String pointer, String message) {

    EventReading reading = reader.read(bytes(payload));

    assertThat(reading).as(defect).isInstanceOf(EventReading.Violation.class);
    var violation = (EventReading.Violation) reading;
    assertThat(violation.pointer()).isEqualTo(pointer);
    assertThat(violation.message()).contains(message);
  }

  @Test
  void shouldReportMalformedWhenPayloadIsNotJson() {
    assertThat(reader.read(bytes("not json"))).isInstanceOf(EventReading.Malformed.class);
    assertThat(reader.read(bytes("[1,2]"))).isInstanceOf(EventReading.Malformed.class);
    assertThat(reader.read(bytes(""))).isInstanceOf(EventReading.Malformed.class);
    assertThat(reader.read(bytes("{} {}"))).isInstanceOf(EventReading.Malformed.class);
  }

  @Test
  void shouldReportMalformedWhenPayloadIsUtf16() {
    byte[] utf16 = event("SEAL_APPLIED", "{\"sealId\":\"S\"}").getBytes(StandardCharsets.UTF_16BE);

    assertThat(reader.read(utf16)).isInstanceOf(EventReading.Malformed.class);
  }

  @Test
  void shouldReportMalformedWhenPayloadHasAnInvalidUtf8Sequence() {
    byte[] valid = bytes(event("SEAL_APPLIED", "{\"sealId\":\"S\"}"));
    byte[] broken = java.util.Arrays.copyOf(valid, valid.length);
    int sealId = new String(valid, StandardCharsets.UTF_8).indexOf("\"S\"") + 1;
    broken[sealId] = (byte) 0xC3; // a lead byte followed by a quote is no UTF-8 sequence

    EventReading reading = reader.read(broken);

    assertThat(reading).isInstanceOf(EventReading.Malformed.class);
    assertThat(((EventReading.Malformed) reading).message()).contains("not UTF-8");
  }

  @Test
  void shouldReportMalformedWhenAKeyAppearsTwice() {
    String twoSubjects =
        event("SEAL_APPLIED", "{\"sealId\":\"S\"}")
            .replace("\"subject\"", "\"subject\":\"X\",\"subject\"");

    EventReading reading = reader.read(bytes(twoSubjects));

    assertThat(reading).isInstanceOf(EventReading.Malformed.class);
    assertThat(((EventReading.Malformed) reading).message()).contains("Duplicate field 'subject'");
  }

  private static String event(String type, String detail) {
    return "{\"eventId\":\"ev-1\",\"type\":\""
        + type
        + "\",\"occurredAt\":\"2026-11-21T08:00:00Z\","
        + "\"partnerId\":\"acme\",\"site\":\"plant-1\",\"station\":\"st-4\",\"subject\":\"DEV-1\","
        + "\"detail\":"
        + detail
        + "}";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
