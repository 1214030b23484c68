package io.sealtrail.trust.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sealtrail.avro.common.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The policy document of {@code GET|PUT /v1/policy}: read strictly, each error naming its field.
 */
class PolicyDocumentTest {
  private static final String ROLES =
      "\"mayReport\":{\"DOCK\":[\"RECEIVED\"],\"RM\":[\"FIRMWARE_RELEASED\"]}";

  @Test
  void shouldBeVersionOneWithTheContractsTransitWhenDefault() {
    PolicyDocument defaults = PolicyDocument.defaults();

    assertThat(defaults.version()).isEqualTo(1);
    assertThat(defaults.transit()).isEqualTo(Transit.DEFAULTS);
    assertThat(defaults.policy()).isEqualTo(Policy.defaults());
    assertThat(defaults.policy().threshold(EventType.FIRMWARE_RELEASED).orElseThrow().distinct())
        .isEqualTo(SignatureThreshold.Distinct.PARTNERS);
  }

  @Test
  void shouldReadBackWhatItWritesWhenStored() {
    PolicyDocument document =
        PolicyJson.document(
            json(
                "{"
                    + ROLES
                    + ",\"signatureThresholds\":{\"FIRMWARE_RELEASED\":{\"role\":\"RM\",\"distinctKeys\":2,\"distinct\":\"keys\"}},"
                    + "\"transit\":{\"defaultMin\":\"PT2H\",\"min\":[{\"between\":[\"SZX-F1\",\"HAM-DC\"],\"duration\":\"PT20H\"}],"
                    + "\"max\":[{\"between\":[\"SZX-F1\",\"HAM-DC\"],\"duration\":\"P3D\"}]},"
                    + "\"approvedSuppliers\":{\"PN-1\":[\"acme\"]},\"certificateRequired\":[\"PN-1\"]}"),
            7);

    PolicyDocument stored = PolicyJson.stored(PolicyJson.write(document));

    assertThat(stored).isEqualTo(document);
    assertThat(stored.version()).isEqualTo(7);
    assertThat(stored.transit().min())
        .containsExactly(new Transit.Lane("SZX-F1", "HAM-DC", Duration.ofHours(20)));
    assertThat(stored.transit().defaultMax()).isEqualTo(Duration.ofDays(7));
    assertThat(stored.approvedSuppliers()).containsEntry("PN-1", Set.of("acme"));
    assertThat(stored.policy().threshold(EventType.FIRMWARE_RELEASED).orElseThrow().distinct())
        .isEqualTo(SignatureThreshold.Distinct.KEYS);
  }

  @Test
  void shouldIgnoreTheClientsVersionWhenTheServerAssignsOne() {
    assertThat(PolicyJson.document(json("{\"version\":99," + ROLES + "}"), 3).version())
        .isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown top-level key | {\"mayReport\":{},\"grace\":\"PT1M\"} | /grace | unknown key",
        "unknown event type | {\"mayReport\":{\"DOCK\":[\"TELEPORTED\"]}} | /mayReport/DOCK/0 | TELEPORTED",
        "event types not a list | {\"mayReport\":{\"DOCK\":\"RECEIVED\"}} | /mayReport/DOCK | a list",
        "threshold of an unknown type | {"
            + "\"mayReport\":{\"RM\":[]},\"signatureThresholds\":{\"BLESSED\":{\"role\":\"RM\",\"distinctKeys\":2}}} | /signatureThresholds/BLESSED | BLESSED",
        "threshold of an unknown role | {\"mayReport\":{\"RM\":[]},\"signatureThresholds\":{\"FIRMWARE_RELEASED\":{\"role\":\"BOSS\",\"distinctKeys\":2}}} | /signatureThresholds/FIRMWARE_RELEASED/role | unknown role BOSS",
        "threshold of zero | {\"mayReport\":{\"RM\":[]},\"signatureThresholds\":{\"FIRMWARE_RELEASED\":{\"role\":\"RM\",\"distinctKeys\":0}}} | /signatureThresholds/FIRMWARE_RELEASED/distinctKeys | 1 or more",
        "threshold counting what | {\"mayReport\":{\"RM\":[]},\"signatureThresholds\":{\"FIRMWARE_RELEASED\":{\"role\":\"RM\",\"distinctKeys\":2,\"distinct\":\"people\"}}} | /signatureThresholds/FIRMWARE_RELEASED/distinct | \"partners\" or \"keys\"",
        "threshold unknown key | {\"mayReport\":{\"RM\":[]},\"signatureThresholds\":{\"FIRMWARE_RELEASED\":{\"role\":\"RM\",\"distinctKeys\":2,\"quorum\":1}}} | /signatureThresholds/FIRMWARE_RELEASED/quorum | unknown key",
        "co-signature of an unknown role | {\"mayReport\":{},\"coSignatures\":{\"FIRMWARE_FLASHED\":{\"role\":\"QA\",\"flagWhenMissing\":\"X\"}}} | /coSignatures/FIRMWARE_FLASHED/role | unknown role QA",
        "bad duration | {\"maxEventAge\":{\"default\":\"thirty days\"}} | /maxEventAge/default | ISO-8601",
        "negative age | {\"maxEventAge\":{\"byType\":{\"SHIPPED\":\"-P1D\"}}} | /maxEventAge/byType/SHIPPED | positive",
        "bad lane duration | {\"transit\":{\"min\":[{\"between\":[\"A\",\"B\"],\"duration\":\"20h\"}]}} | /transit/min/0/duration | ISO-8601",
        "negative minimum | {\"transit\":{\"defaultMin\":\"-PT1H\"}} | /transit/defaultMin | negative",
        "zero maximum | {\"transit\":{\"max\":[{\"between\":[\"A\",\"B\"],\"duration\":\"PT0S\"}]}} | /transit/max/0/duration | positive",
        "lane of one site | {\"transit\":{\"min\":[{\"between\":[\"A\",\"A\"],\"duration\":\"PT1H\"}]}} | /transit/min/0/between | two different sites",
        "lane twice | {\"transit\":{\"min\":[{\"between\":[\"A\",\"B\"],\"duration\":\"PT1H\"},{\"between\":[\"B\",\"A\"],\"duration\":\"PT2H\"}]}} | /transit/min/1/between | listed twice",
        "transit unknown key | {\"transit\":{\"defaultMinimum\":\"PT1H\"}} | /transit/defaultMinimum | unknown key",
        "supplier not a name | {\"approvedSuppliers\":{\"PN-1\":[\"acme\",3]}} | /approvedSuppliers/PN-1/1 | non-blank string",
        "certificates not a list | {\"certificateRequired\":\"PN-1\"} | /certificateRequired | a list",
        "version not an integer | {\"version\":\"two\"} | /version | positive integer",
        "not an object | [] | '' | JSON object",
        "not JSON | {\"mayReport\": | '' | not a JSON document",
      })
  void shouldNameTheFieldWhenThePolicyIsInvalid(
      String what, String json, String field, String message) {
    InvalidPolicyException e =
        catchThrowableOfType(
            () -> PolicyJson.document(json(json), 2), InvalidPolicyException.class);

    assertThat(e).as(what).isNotNull();
    assertThat(e.field()).as(what).isEqualTo(field);
    assertThat(e.getMessage()).as(what).contains(message);
  }

  @Test
  void shouldEscapeAPointerWhenANameHoldsASlash() {
    InvalidPolicyException e =
        catchThrowableOfType(
            () -> PolicyJson.document(json("{\"mayReport\":{\"a/b\":[\"X\"]}}"), 2),
            InvalidPolicyException.class);

    assertThat(e.field()).isEqualTo("/mayReport/a~1b/0");
  }

  /**
   * Issue 21: "P1000000000000D" parsed and was accepted; then every verification's {@code
   * receipt.minus(bound)} left Instant's range and threw, for every event, while it was in force.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "age | {\"maxEventAge\":{\"default\":\"P1000000000000D\"}} | /maxEventAge/default",
        "age by type | {\"maxEventAge\":{\"byType\":{\"SHIPPED\":\"PT2562047788015215H\"}}} | /maxEventAge/byType/SHIPPED",
        "transit maximum | {\"transit\":{\"defaultMax\":\"P36501D\"}} | /transit/defaultMax",
        "lane minimum | {\"transit\":{\"min\":[{\"between\":[\"A\",\"B\"],\"duration\":\"P99999999D\"}]}} | /transit/min/0/duration",
      })
  void shouldRefuseADurationBeyondAHundredYearsWhenItWouldOverflowTimeArithmetic(
      String what, String json, String field) {
    InvalidPolicyException e =
        catchThrowableOfType(
            () -> PolicyJson.document(json(json), 2), InvalidPolicyException.class);

    assertThat(e).as(what).isNotNull();
    assertThat(e.field()).as(what).isEqualTo(field);
    assertThat(e.getMessage()).as(what).contains("at most 36500 days");
  }

  @Test
  void shouldJudgeEventsWhenEveryBoundIsAtTheLongestAllowed() {
    PolicyDocument longest =
        PolicyJson.document(
            json(
                "{\"maxEventAge\":{\"default\":\"P36500D\"},"
                    + "\"transit\":{\"defaultMax\":\"P36500D\"}}"),
            2);

    assertThat(
            longest
                .policy()
                .maxEventAge()
                .violation(EventType.SHIPPED, Instant.MIN, Instant.parse("2026-12-07T00:00:00Z")))
        .isPresent();
    assertThat(Instant.parse("2026-12-07T00:00:00Z").plus(longest.transit().defaultMax()))
        .isAfter(Instant.parse("2126-01-01T00:00:00Z"));
  }

  /** Issue 21 (6): a detail must not name the parser's classes or settings. */
  @Test
  void shouldDescribeTheDefectInItsOwnWordsWhenThePolicyIsNestedTooDeep() {
    String deep = "{\"mayReport\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}";

    InvalidPolicyException e =
        catchThrowableOfType(
            () -> PolicyJson.document(json(deep), 2), InvalidPolicyException.class);

    assertThat(e.field()).isEmpty();
    assertThat(e.getMessage())
        .contains("nested deeper than 1000 levels")
        .doesNotContain("StreamReadConstraints", "jackson", "`");
  }

  /**
   * Issue 21: bytes whose first four announce UTF-32 but hold no UTF-32 character made Jackson
   * throw a CharConversionException (an IOException, not a parse error), which was rethrown
   * unchecked: a 500 with a stack trace for {@code PUT /v1/policy}.
   */
  @Test
  void shouldRefuseAsNotJsonWhenTheBodyIsNotTheUtf32ItAnnounces() {
    byte[] body = {0, 0, 0, '{', 0x7f, 0x7f, 0x7f, 0x7f, 0, 0, 0, '}'};

    InvalidPolicyException e =
        catchThrowableOfType(() -> PolicyJson.document(body, 2), InvalidPolicyException.class);

    assertThat(e).isNotNull();
    assertThat(e.field()).isEmpty();
    assertThat(e.getMessage()).contains("not a JSON document");
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
