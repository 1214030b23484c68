package io.sealtrail.registry.serde;

import static io.sealtrail.registry.testing.CountingClient.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.registry.client.CachedSchemaRegistryClient;
import io.sealtrail.registry.client.LocalSchemaRegistryClient;
import io.sealtrail.registry.client.MockRegistries;
import io.sealtrail.registry.client.SchemaRegistryClient;
import io.sealtrail.registry.client.SchemaRegistryClients;
import io.sealtrail.registry.fixtures.Shipment;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serializer keys that pick or shape the registered schema (spec §3.1, §3.5, pitfall P6). */
class SerializerSchemaKeysTest {
  private static final String PLAIN_SHIPMENT =
      Shipment.getClassSchema().toString().replace(",\"avro.java.string\":\"String\"", "");
  private final String scope = "keys-" + UUID.randomUUID();
  private final String url = "mock://" + scope;
  private final SchemaRegistryClient registry =
      SchemaRegistryClients.create(Map.of("schema.registry.url", url));

  @AfterEach
  void dropRegistry() {
    MockRegistries.drop(scope);
  }

  @Test
  void shouldFindSchemaRegisteredFromAvscWhenJavaPropertiesAreRemoved() {
    int id = registry.register("shipments-value", new Schema.Parser().parse(PLAIN_SHIPMENT));
    KafkaAvroSerializer serializer =
        serializer(Map.of("auto.register.schemas", false, "avro.remove.java.properties", true));

    byte[] bytes = serializer.serialize("shipments", AvroSerdeTest.shipment("S-1"));

    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(WireFormat.prefix(id));
    assertThat(deserializer().deserialize("shipments", bytes))
        .isEqualTo(AvroSerdeTest.shipment("S-1"));
  }

  @Test
  void shouldMissSchemaRegisteredFromAvscWhenJavaPropertiesAreKept() {
    registry.register("shipments-value", new Schema.Parser().parse(PLAIN_SHIPMENT));
    KafkaAvroSerializer serializer = serializer(Map.of("auto.register.schemas", false));

    assertThatThrownBy(() -> serializer.serialize("shipments", AvroSerdeTest.shipment("S-1")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("error_code 40403");
  }

  @Test
  void shouldWriteWithFixedIdWhenUseSchemaIdIsSet() {
    int id = registry.register("other-value", Shipment.getClassSchema());
    KafkaAvroSerializer serializer =
        serializer(Map.of("auto.register.schemas", false, "use.schema.id", id));

    byte[] bytes = serializer.serialize("shipments", AvroSerdeTest.shipment("S-2"));

    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(WireFormat.prefix(id));
    assertThat(registry.subjects()).containsExactly("other-value");
    assertThat(deserializer().deserialize("shipments", bytes))
        .isEqualTo(AvroSerdeTest.shipment("S-2"));
  }

  @Test
  void shouldRefuseWhenFixedIdSchemaCannotReadValueAndStrict() {
    int id = registry.register("other-value", Schema.create(Schema.Type.LONG));
    KafkaAvroSerializer serializer =
        serializer(Map.of("auto.register.schemas", "false", "use.schema.id", Integer.toString(id)));

    assertThatThrownBy(() -> serializer.serialize("shipments", "not a long"))
        .isInstanceOf(SerializationException.class)
        .hasMessage(
            "Schema id "
                + id
                + " cannot read the value's schema string (id.compatibility.strict=true)");
  }

  @Test
  void shouldRegisterOneContentWhenNormalizedSchemasDifferInPropertyOrder() {
    SchemaRegistryClient normalizing =
        SchemaRegistryClients.create(
            Map.of("schema.registry.url", url, "normalize.schemas", "true"));
    Schema ab = new Schema.Parser().parse("{\"type\":\"string\",\"a\":\"1\",\"b\":\"2\"}");
    Schema ba = new Schema.Parser().parse("{\"type\":\"string\",\"b\":\"2\",\"a\":\"1\"}");

    int first = normalizing.register("s-value", ab);
    int second = normalizing.register("s-value", ba);

    assertThat(second).isEqualTo(first);
    assertThat(registry.versions("s-value")).containsExactly(1);
  }

  @Test
  void shouldAcceptRegistryUrlsGivenAsList() {
    SchemaRegistryClient listed =
        SchemaRegistryClients.create(Map.of("schema.registry.url", List.of(url)));

    int id = listed.register("s-value", Schema.create(Schema.Type.STRING));

    assertThat(registry.schemaById(id)).isEqualTo(Schema.create(Schema.Type.STRING));
  }

  @Test
  void shouldAskLatestOnceAndWriteSameBytesWhenUsingLatestVersionRepeatedly() {
    registry.register("shipments-value", Shipment.getClassSchema());
    List<String> calls = new CopyOnWriteArrayList<>();
    SchemaRegistryClient counted =
        new CachedSchemaRegistryClient(
            counting(new LocalSchemaRegistryClient(MockRegistries.scope(scope)), calls),
            10,
            Duration.ofSeconds(60),
            Clock.systemUTC());
    KafkaAvroSerializer serializer =
        new KafkaAvroSerializer(
            counted,
            Map.of(
                "schema.registry.url",
                url,
                "auto.register.schemas",
                false,
                "use.latest.version",
                true));

    byte[] first = serializer.serialize("shipments", AvroSerdeTest.shipment("S-3"));
    byte[] second = serializer.serialize("shipments", AvroSerdeTest.shipment("S-3"));

    assertThat(second).isEqualTo(first);
    assertThat(calls).containsExactly("latest");
  }

  private KafkaAvroSerializer serializer(Map<String, Object> extra) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put("schema.registry.url", url);
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    return serializer;
  }

  private KafkaAvroDeserializer deserializer() {
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(Map.of("schema.registry.url", url, "specific.avro.reader", true), false);
    return deserializer;
  }
}
