package io.sealtrail.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.server.SchemaRegistryServer;
import io.sealtrail.registry.testing.ConfluentJs;
import io.sealtrail.registry.testing.RestCalls;
import io.sealtrail.registry.testing.TestRegistries;
import io.sealtrail.testing.EmbeddedKafka;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
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
