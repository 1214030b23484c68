package io.sealtrail.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.client.MockRegistries;
import io.sealtrail.registry.client.SchemaRegistryClient;
import io.sealtrail.registry.client.SchemaRegistryClients;
import io.sealtrail.registry.fixtures.Parcel;
import io.sealtrail.registry.fixtures.Shipment;
import io.sealtrail.registry.fixtures.ShipmentStatus;
import io.sealtrail.registry.fixtures.Site;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Serdes against the in-JVM {@code mock://} registry: round trips, evolution, failures. */
class AvroSerdeTest {
  private static final Instant T0 = Instant.parse("2026-11-21T05:00:00Z");
  private final String scope = "serde-" + UUID.randomUUID();
  private final String url = "mock://" + scope;

  @AfterEach
  void dropRegistry() {
    MockRegistries.drop(scope);
  }

  @Test
  void shouldRoundTripSpecificRecordWhenUsingSpecificSerde() {
    SpecificAvroSerde<Shipment> serde = new SpecificAvroSerde<>(Shipment.class);
    serde.configure(Map.of("schema.registry.url", url), false);
    Shipment shipment = shipment("S-1");

    byte[] bytes = serde.serializer().serialize("shipments", shipment);
    Shipment read = serde.deserializer().deserialize("shipments", bytes);

    assertThat(read).isEqualTo(shipment);
    assertThat(read.getDeclaredValue()).isEqualTo(new BigDecimal("1234.50"));
  }

  @Test
  void shouldReadGeneratedClassWhenSpecificReaderIsConfigured() {
    Map<String, Object> config = Map.of("schema.registry.url", url, "specific.avro.reader", "true");
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(config, false);

    Object read =
        deserializer.deserialize("shipments", serializer.serialize("shipments", shipment("S-2")));

    assertThat(read).isInstanceOf(Shipment.class).isEqualTo(shipment("S-2"));
  }

  @Test
  void shouldFillDefaultWhenReaderClassHasFieldWriterLacks() {
    Schema v1 =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Parcel\",\"namespace\":\"io.sealtrail.registry.fixtures\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
    GenericRecord written = new GenericData.Record(v1);
    written.put("id", "P-1");
    GenericAvroSerde generic = configured(new GenericAvroSerde());
    SpecificAvroSerde<Parcel> specific = configured(new SpecificAvroSerde<>(Parcel.class));

    Parcel read =
        specific
            .deserializer()
            .deserialize("parcels", generic.serializer().serialize("parcels", written));

    assertThat(read.getId()).isEqualTo("P-1");
    assertThat(read.getLabel()).isEqualTo("unlabelled");
  }

  @Test
  void shouldKeepFieldsByNameWhenLatestVersionOrdersFieldsDifferently() {
    Schema ab =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Pair\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"string\"}]}");
    Schema ba =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Pair\",\"fields\":[{\"name\":\"b\",\"type\":\"string\"},{\"name\":\"a\",\"type\":\"string\"}]}");
    SchemaRegistryClient client = SchemaRegistryClients.create(Map.of("schema.registry.url", url));
    int latestId = client.register("pairs-value", ba);
    GenericRecord value = new GenericData.Record(ab);
    value.put("a", "A");
    value.put("b", "B");
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(
        Map.of(
            "schema.registry.url", url, "auto.register.schemas", false, "use.latest.version", true),
        false);

    byte[] bytes = serializer.serialize("pairs", value);
    GenericRecord read =
        configured(new GenericAvroSerde()).deserializer().deserialize("pairs", bytes);

    assertThat(bytes[4]).isEqualTo((byte) latestId);
    assertThat(read.get("a").toString()).isEqualTo("A");
    assertThat(read.get("b").toString()).isEqualTo("B");
  }

  @Test
  void shouldReadSchemaFromHeaderWhenValueSchemaIdHeaderCarriesGuid() {
    SchemaRegistryClient client = SchemaRegistryClients.create(Map.of("schema.registry.url", url));
    client.register("t-value", new Schema.Parser().parse(WireFormatVectorsTest.W2_SCHEMA));
    RecordHeaders headers = new RecordHeaders();
    headers.add(
        WireFormat.VALUE_HEADER, HexFormat.of().parseHex("01e5353f3181cba934803f374e92217a0f"));
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(Map.of("schema.registry.url", url), false);

    Object read = deserializer.deserialize("t", headers, HexFormat.of().parseHex("0a68656c6c6f54"));

    assertThat(read).isEqualTo(WireFormatVectorsTest.w2Record());
  }

  @Test
  void shouldUseRecordNameSubjectWhenConfluentStrategyClassIsConfigured() {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(
        Map.of(
            "schema.registry.url",
            url,
            "value.subject.name.strategy",
            "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"),
        false);

    serializer.serialize("shipments", shipment("S-3"));

    assertThat(SchemaRegistryClients.create(Map.of("schema.registry.url", url)).subjects())
        .containsExactly("shipments-io.sealtrail.registry.fixtures.Shipment");
  }

  private <S extends org.apache.kafka.common.serialization.Serde<?>> S configured(S serde) {
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", url);
    serde.configure(config, false);
    return serde;
  }

  static Shipment shipment(String id) {
    return Shipment.newBuilder()
        .setId(id)
        .setDeclaredValue(new BigDecimal("1234.50"))
        .setShippedAt(T0)
        .setNote(null)
        .setStatus(ShipmentStatus.SHIPPED)
        .setDestination(Site.newBuilder().setCode("FRA-1").setCountry("DE").build())
        .build();
  }
}
