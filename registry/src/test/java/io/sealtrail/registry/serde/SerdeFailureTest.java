package io.sealtrail.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.registry.client.MockRegistries;
import io.sealtrail.registry.client.SchemaRegistryClient;
import io.sealtrail.registry.client.SchemaRegistryClients;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Serde failures with their exact messages, against the {@code mock://} registry. */
class SerdeFailureTest {
  private final String scope = "failure-" + UUID.randomUUID();
  private final String url = "mock://" + scope;

  @AfterEach
  void dropRegistry() {
    MockRegistries.drop(scope);
  }

  @Test
  void shouldStillSerializeAndDeserializeWhenAnotherUserOfTheSameSerdeClosedIt() {
    Map<String, String> config = Map.of("schema.registry.url", url);
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(config, false);
    byte[] bytes = serializer.serialize("shared", 42L);

    // A store closing its serde while another store or task of the topology still uses it.
    serializer.close();
    deserializer.close();

    assertThat(deserializer.deserialize("shared", serializer.serialize("shared", 7L)))
        .isEqualTo(7L);
    assertThat(deserializer.deserialize("shared", bytes)).isEqualTo(42L);
  }

  @Test
  void shouldRefuseWhenLatestVersionCannotReadValueAndStrict() {
    SchemaRegistryClient client = SchemaRegistryClients.create(Map.of("schema.registry.url", url));
    client.register("shipments-value", Schema.create(Schema.Type.LONG));
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(
        Map.of(
            "schema.registry.url",
            url,
            "auto.register.schemas",
            "false",
            "use.latest.version",
            "true"),
        false);

    assertThatThrownBy(() -> serializer.serialize("shipments", "not a long"))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Latest schema (version 1, id 1) of subject 'shipments-value' cannot read the value's schema string (latest.compatibility.strict=true)");
  }

  @Test
  void shouldFailNamingIdAndUrlWhenSchemaIdIsUnknown() {
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(Map.of("schema.registry.url", url), false);

    assertThatThrownBy(() -> deserializer.deserialize("t", HexFormat.of().parseHex("000000002a02")))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Error retrieving Avro schema: schema id 42 not found at "
                + url
                + " (Schema 42 not found, error_code 40403)");
  }

  @Test
  void shouldFailNamingClassWhenSpecificReaderFindsNoGeneratedClass() {
    Map<String, Object> config = Map.of("schema.registry.url", url, "specific.avro.reader", true);
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(config, false);
    byte[] bytes = serializer.serialize("t", WireFormatVectorsTest.w2Record());

    assertThatThrownBy(() -> deserializer.deserialize("t", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Could not find class test specified in writer's schema whilst finding reader's schema for a SpecificRecord.");
  }

  @Test
  void shouldThrowSerializationExceptionWhenNonNullableFieldIsNull() {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(Map.of("schema.registry.url", url), false);
    GenericRecord missingField = WireFormatVectorsTest.w2Record();
    missingField.put(0, null);

    assertThatThrownBy(() -> serializer.serialize("t", missingField))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Error serializing Avro message with schema id 1");
  }
}
