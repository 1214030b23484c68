package io.sealtrail.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.registry.server.SchemaRegistryServer;
import io.sealtrail.registry.testing.ConfluentJs;
import io.sealtrail.registry.testing.RestCalls;
import io.sealtrail.registry.testing.TestRegistries;
import io.sealtrail.testing.EmbeddedKafka;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Interop with Confluent's own implementation, its JavaScript client and serdes, against the
 * embedded registry: each side reads what the other wrote, and both write the same bytes.
 */
@Timeout(600)
class ConfluentJsInteropIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();
  private static final String RECORD_VALUE = "{\"field1\":\"hello\",\"field2\":42}";
  private static final String RECORD_A =
      "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
  private static final String RECORD_A_AND_C =
      "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
          + "{\"name\":\"c\",\"type\":\"int\"}]}";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SchemaRegistryServer registry;

  @BeforeAll
  static void installClientAndStartRegistry() throws Exception {
    ConfluentJs.install();
    registry = TestRegistries.start(KAFKA, EmbeddedKafka.uniqueName("_schemas"));
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void shouldReadJsSerializedRecordWhenJavaDeserializes() throws Exception {
    String topic = EmbeddedKafka.uniqueName("js-to-java");
    String hex =
        ConfluentJs.interop("produce", url(), topic, WireFormatVectorsTest.W2_SCHEMA, RECORD_VALUE);

    GenericRecord read =
        (GenericRecord) deserializer().deserialize(topic, HexFormat.of().parseHex(hex));

    assertThat(read).isEqualTo(WireFormatVectorsTest.w2Record());
  }

  @Test
  void shouldReadJavaSerializedRecordWhenJsDeserializes() throws Exception {
    String topic = EmbeddedKafka.uniqueName("java-to-js");
    byte[] bytes = serializer().serialize(topic, WireFormatVectorsTest.w2Record());

    String read = ConfluentJs.interop("consume", url(), topic, HexFormat.of().formatHex(bytes));

    assertThat(RestCalls.json(read)).isEqualTo(RestCalls.json(RECORD_VALUE));
  }

  @Test
  void shouldWriteSameBytesAsConfluentWhenSerializingSameRecord() throws Exception {
    String topic = EmbeddedKafka.uniqueName("same-bytes");

    String js =
        ConfluentJs.interop("produce", url(), topic, WireFormatVectorsTest.W2_SCHEMA, RECORD_VALUE);
    String java =
        HexFormat.of().formatHex(serializer().serialize(topic, WireFormatVectorsTest.w2Record()));

    assertThat(java).isEqualTo(js).endsWith("0a68656c6c6f54");
  }

  @Test
  void shouldWriteSameBytesAsConfluentWhenSerializingTopLevelString() throws Exception {
    String topic = EmbeddedKafka.uniqueName("same-string");

    String js = ConfluentJs.interop("produce", url(), topic, "\"string\"", "\"hello\"");
    String java = HexFormat.of().formatHex(serializer().serialize(topic, "hello"));

    assertThat(java).isEqualTo(js).endsWith("0a68656c6c6f");
  }

  /**
   * CP 8's header mode needs the schema GUID in the register answer: the JavaScript serializer
   * writes it in {@code __value_schema_id}, and both deserializers resolve it.
   */
  @Test
  void shouldReadJsRecordWithGuidHeaderWhenJsSerializesInHeaderMode() throws Exception {
    String topic = EmbeddedKafka.uniqueName("js-header");
    JsonNode written =
        RestCalls.json(
            ConfluentJs.interop(
                "produce-header", url(), topic, WireFormatVectorsTest.W2_SCHEMA, RECORD_VALUE));
    byte[] payload = HexFormat.of().parseHex(written.path("payload").asText());
    byte[] header = HexFormat.of().parseHex(written.path("header").asText());
    RecordHeaders headers = new RecordHeaders();
    headers.add("__value_schema_id", header);

    Object read = deserializer().deserialize(topic, headers, payload);

    assertThat(header).hasSize(17).startsWith(1);
    // The JavaScript serializer registers the schema it infers from the value: compare the data.
    assertThat(RestCalls.json(read.toString())).isEqualTo(RestCalls.json(RECORD_VALUE));
  }

  /**
   * Confluent's client meets the answers Confluent gives where this registry used to differ (issue
   * 19): it parses every error into the same status and code as against Confluent's registry.
   */
  @Test
  void shouldGiveConfluentClientConfluentAnswersWhenCallsFailOrList() throws Exception {
    String subject = EmbeddedKafka.uniqueName("js-admin");
    ArrayNode steps = JSON.createArrayNode();
    client(steps, "register", subject, avro(RECORD_A));
    client(steps, "register", subject, avro(""));
    client(steps, "register", subject, avro(RECORD_A_AND_C));
    client(steps, "testCompatibility", "never-" + subject, 1, avro(RECORD_A));
    client(steps, "getSchemaMetadata", subject, 9, false);
    client(steps, "getId", subject, avro(RECORD_A_AND_C), false);
    client(steps, "register", subject, avro("{\"type\":\"recordx\"}"));
    rest(steps, "GET", "/schemas?subjectPrefix=" + subject, null, null);
    rest(steps, "GET", "/subjects/" + subject + "/versions/1/referencedby", null, null);
    rest(steps, "POST", "/subjects/" + subject + "/versions", "{\"schema\": nope}", null);
    rest(steps, "POST", "/subjects/" + subject + "/versions", "\"string\"", "text/plain");

    JsonNode outcomes =
        RestCalls.json(ConfluentJs.interop("calls", url(), JSON.writeValueAsString(steps)));

    int id = outcomes.get(0).path("ok").asInt();
    assertThat(id).isPositive();
    expectFailure(outcomes.get(1), 422, 42201).contains("Empty schema");
    expectFailure(outcomes.get(2), 409, 40901).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    expectFailure(outcomes.get(3), 404, 40402);
    expectFailure(outcomes.get(4), 404, 40402);
    expectFailure(outcomes.get(5), 404, 40403);
    expectFailure(outcomes.get(6), 422, 42201)
        .doesNotContain("Exception", "java.", "org.apache", "Cannot invoke");
    JsonNode listed = outcomes.get(7).path("ok");
    assertThat(listed.size()).isEqualTo(1);
    assertThat(listed.get(0).path("subject").asText()).isEqualTo(subject);
    assertThat(listed.get(0).path("version").asInt()).isEqualTo(1);
    assertThat(listed.get(0).path("id").asInt()).isEqualTo(id);
    assertThat(outcomes.get(8).path("ok").toString()).isEqualTo("[]");
    expectFailure(outcomes.get(9), 400, 400)
        .startsWith("Unrecognized token 'nope'")
        .doesNotContain("Exception", "com.fasterxml", "Source");
    expectFailure(outcomes.get(10), 415, 415).contains("HTTP 415 Unsupported Media Type");
  }

  private static org.assertj.core.api.AbstractStringAssert<?> expectFailure(
      JsonNode outcome, int status, int errorCode) {
    assertThat(outcome.path("status").asInt()).as("status of %s", outcome).isEqualTo(status);
    assertThat(outcome.path("errorCode").asInt()).as("code of %s", outcome).isEqualTo(errorCode);
    return assertThat(outcome.path("message").asText());
  }

  private static void client(ArrayNode steps, String method, Object... args) {
    ObjectNode step = steps.addObject().put("client", method);
    ArrayNode list = step.putArray("args");
    for (Object arg : args) {
      list.add(JSON.valueToTree(arg));
    }
  }

  private static void rest(
      ArrayNode steps, String method, String path, String body, String contentType) {
    steps.addObject().putArray("rest").add(method).add(path).add(body).add(contentType);
  }

  private static Map<String, String> avro(String schema) {
    return Map.of("schemaType", "AVRO", "schema", schema);
  }

  private static String url() {
    return registry.url().toString();
  }

  private static KafkaAvroSerializer serializer() {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(Map.of("schema.registry.url", url()), false);
    return serializer;
  }

  private static KafkaAvroDeserializer deserializer() {
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(Map.of("schema.registry.url", url()), false);
    return deserializer;
  }
}
