package io.sealtrail.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.registry.client.MockRegistries;
import io.sealtrail.registry.client.SchemaRegistryClient;
import io.sealtrail.registry.client.SchemaRegistryClients;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the Confluent wire format reader: a record value from a topic is
 * outside input. Whatever the bytes, the deserializer answers a value or Kafka's {@link
 * SerializationException} (which a Streams app routes to its deserialization handler), never
 * another exception. Ids 1-3 are registered (a record of every Avro type, a string, bytes).
 * Regression corpus: WireFormatFuzzTestInputs/.
 */
class WireFormatFuzzTest {
  private static final String SCOPE = "wire-format-fuzz";
  private static final String URL = "mock://" + SCOPE;
  static final String RECORD =
      """
      {"type":"record","name":"Reading","namespace":"fuzz","fields":[
        {"name":"id","type":"string"},
        {"name":"seq","type":"long"},
        {"name":"flags","type":{"type":"array","items":"int"}},
        {"name":"labels","type":{"type":"map","values":"string"}},
        {"name":"note","type":["null","string"]},
        {"name":"kind","type":{"type":"enum","name":"Kind","symbols":["A","B","C"]}},
        {"name":"digest","type":{"type":"fixed","name":"Digest","size":4}},
        {"name":"raw","type":"bytes"},
        {"name":"ratio","type":"double"},
        {"name":"ok","type":"boolean"},
        {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}},
        {"name":"where","type":{"type":"record","name":"Point","fields":[
          {"name":"x","type":"int"},{"name":"y","type":"float"}]}}
      ]}""";

  private static KafkaAvroDeserializer deserializer;

  @BeforeAll
  static void registerSchemas() {
    SchemaRegistryClient client = SchemaRegistryClients.create(Map.of("schema.registry.url", URL));
    client.register("readings-value", new Schema.Parser().parse(RECORD));
    client.register("names-value", Schema.create(Schema.Type.STRING));
    client.register("blobs-value", Schema.create(Schema.Type.BYTES));
    deserializer = new KafkaAvroDeserializer();
    deserializer.configure(Map.of("schema.registry.url", URL), false);
  }

  @AfterAll
  static void dropRegistry() {
    deserializer.close();
    MockRegistries.drop(SCOPE);
  }

  @FuzzTest
  void shouldDecodeOrRefuseWithSerializationExceptionWhenGivenAnyValue(byte[] value) {
    decodedOrRefused(() -> deserializer.deserialize("readings", value));
  }

  @FuzzTest
  void shouldDecodeOrRefuseWithSerializationExceptionWhenTheIdIsInAHeader(FuzzedDataProvider data) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(WireFormat.VALUE_HEADER, data.consumeBytes(data.consumeInt(0, 24)));
    byte[] value = data.consumeRemainingAsBytes();

    decodedOrRefused(() -> deserializer.deserialize("readings", headers, value));
  }

  private static void decodedOrRefused(Runnable deserialize) {
    try {
      deserialize.run();
    } catch (SerializationException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
