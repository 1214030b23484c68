package io.sealtrail.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The wire-format vectors W1-W8 and W10 of the spec (§8.3), through the real serdes. */
class WireFormatVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  static final String W2_SCHEMA =
      "{\"type\":\"record\",\"name\":\"test\",\"fields\":[{\"name\":\"field1\",\"type\":\"string\"},{\"name\":\"field2\",\"type\":\"int\"}]}";
  private static final Map<String, String> CONFIG =
      Map.of("schema.registry.url", "http://unused:8081");
  private static final Map<String, String> LATEST =
      Map.of(
          "schema.registry.url", "http://unused:8081",
          "auto.register.schemas", "false",
          "use.latest.version", "true");

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of("W1", "hello", 1, "00000000010a68656c6c6f"),
        Arguments.of("W2", w2Record(), 1, "00000000010a68656c6c6f54"),
        Arguments.of("W3", w2Record(), 258, "00000001020a68656c6c6f54"),
        Arguments.of("W4", -1L, 7, "000000000701"),
        Arguments.of("W8", new byte[] {(byte) 0xCA, (byte) 0xFE}, 9, "0000000009cafe"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void shouldWriteConfluentBytesWhenSerializingVector(
      String name, Object value, int id, String hex) {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer(new FixedIdRegistry(id), CONFIG);

    byte[] bytes = serializer.serialize("topic", value);

    assertThat(HEX.formatHex(bytes)).isEqualTo(hex);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void shouldReadValueBackWhenDeserializingVector(String name, Object value, int id, String hex) {
    FixedIdRegistry registry = new FixedIdRegistry(id);
    new KafkaAvroSerializer(registry, CONFIG).serialize("topic", value);
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry);
    deserializer.configure(CONFIG, false);

    Object read = deserializer.deserialize("topic", HEX.parseHex(hex));

    assertThat(read).isEqualTo(value);
  }

  @Test
  void shouldWriteUnionBranchWhenLatestVersionIsUnion() {
    Schema union = new Schema.Parser().parse("[\"null\",\"string\"]");
    KafkaAvroSerializer serializer = new KafkaAvroSerializer(new FixedIdRegistry(3, union), LATEST);

    byte[] bytes = serializer.serialize("topic", "a");

    assertThat(HEX.formatHex(bytes)).isEqualTo("0000000003020261");
  }

  @Test
  void shouldReadNullWhenUnionNullBranchIsWritten() {
    Schema union = new Schema.Parser().parse("[\"null\",\"string\"]");
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(new FixedIdRegistry(3, union));
    deserializer.configure(CONFIG, false);

    Object nullBranch = deserializer.deserialize("topic", HEX.parseHex("000000000300"));
    Object stringBranch = deserializer.deserialize("topic", HEX.parseHex("0000000003020261"));

    assertThat(nullBranch).isNull();
    assertThat(stringBranch).isEqualTo("a");
  }

  @Test
  void shouldReturnNullWithoutCallingRegistryWhenValueIsNull() {
    FixedIdRegistry registry = new FixedIdRegistry(1);
    KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry, CONFIG);

    byte[] bytes = serializer.serialize("topic", null);

    assertThat(bytes).isNull();
    assertThat(registry.registeredSubjects).isEmpty();
  }

  @Test
  void shouldFailWithExpectedMagicWhenMagicByteIsWrong() {
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(new FixedIdRegistry(1));
    deserializer.configure(CONFIG, false);

    assertThatThrownBy(() -> deserializer.deserialize("topic", HEX.parseHex("05000000010a")))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Unknown magic byte! Expected 0 in the payload, got 5");
  }

  @Test
  void shouldFailWithLengthWhenPayloadIsShorterThanPrefix() {
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(new FixedIdRegistry(1));
    deserializer.configure(CONFIG, false);

    assertThatThrownBy(() -> deserializer.deserialize("topic", HEX.parseHex("000000")))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("Unknown magic byte! The payload has 3 bytes, too short");
  }

  @Test
  void shouldRegisterUnderTopicValueSubjectWhenStrategyIsDefault() {
    FixedIdRegistry registry = new FixedIdRegistry(1);

    new KafkaAvroSerializer(registry, CONFIG).serialize("orders", "x");

    assertThat(registry.registeredSubjects).isEqualTo(List.of("orders-value"));
  }

  static GenericRecord w2Record() {
    GenericRecord record = new GenericData.Record(new Schema.Parser().parse(W2_SCHEMA));
    record.put("field1", new Utf8("hello"));
    record.put("field2", 42);
    return record;
  }
}
