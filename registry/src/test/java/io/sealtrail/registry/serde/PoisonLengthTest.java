package io.sealtrail.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.registry.client.MockRegistries;
import io.sealtrail.registry.client.SchemaRegistryClient;
import io.sealtrail.registry.client.SchemaRegistryClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a value declaring an array/map block count or a string/bytes length it cannot hold is
 * refused with a {@link SerializationException} before Avro allocates for it, not an
 * OutOfMemoryError. {@code assertThatThrownBy} catches any Throwable, so an OOM fails the test
 * rather than the JVM.
 */
class PoisonLengthTest {
  private static final String SCOPE = "poison-length";
  private static final String URL = "mock://" + SCOPE;
  private static final long HUGE = 1_200_000_000L;

  private final SchemaRegistryClient client =
      SchemaRegistryClients.create(Map.of("schema.registry.url", URL));
  private final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();

  @AfterEach
  void dropRegistry() {
    deserializer.close();
    MockRegistries.drop(SCOPE);
  }

  @Test
  void shouldRefuseWithSerializationExceptionWhenTheFuzzedArrayCountExceedsTheValue() {
    client.register("readings-value", new Schema.Parser().parse(WireFormatFuzzTest.RECORD));
    deserializer.configure(Map.of("schema.registry.url", URL), false);
    byte[] poison = HexFormat.of().parseHex("000000000102e1f59b9af500899a9b8909009a00");

    assertThatThrownBy(() -> deserializer.deserialize("readings", poison))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("array block of 1217619589 items declared with only 2 bytes left");
  }

  @Test
  void shouldRefuseWhenAnArrayCountExceedsTheValue() throws IOException {
    int id = register("{\"type\":\"array\",\"items\":\"int\"}");

    assertThatThrownBy(() -> deserialize(framed(id, e -> e.writeLong(HUGE))))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("array block of 1200000000 items declared with only 0 bytes left");
  }

  @Test
  void shouldRefuseWhenALaterArrayBlockExceedsTheValue() throws IOException {
    int id = register("{\"type\":\"array\",\"items\":\"int\"}");
    byte[] value =
        framed(
            id,
            e -> {
              e.writeLong(1);
              e.writeInt(7);
              e.writeLong(HUGE);
            });

    assertThatThrownBy(() -> deserialize(value))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("array block of 1200000000 items");
  }

  @Test
  void shouldRefuseWhenAMapCountExceedsTheValue() throws IOException {
    int id = register("{\"type\":\"map\",\"values\":\"null\"}");

    assertThatThrownBy(() -> deserialize(framed(id, e -> e.writeLong(HUGE))))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("map block of 1200000000 entries declared with only 0 bytes left");
  }

  @Test
  void shouldRefuseWhenAStringLengthExceedsTheValue() throws IOException {
    int id = register("\"string\"");

    assertThatThrownBy(() -> deserialize(framed(id, e -> e.writeLong(2_000_000_000L))))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("string of 2000000000 bytes declared with only 0 bytes left");
  }

  @Test
  void shouldRefuseWhenABytesLengthExceedsTheValue() throws IOException {
    int id =
        register(
            "{\"type\":\"record\",\"name\":\"Blob\",\"fields\":[{\"name\":\"b\",\"type\":\"bytes\"}]}");

    assertThatThrownBy(() -> deserialize(framed(id, e -> e.writeLong(2_000_000_000L))))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("bytes of 2000000000 bytes declared with only 0 bytes left");
  }

  @Test
  void shouldRefuseWhenAnArrayOfNullsExceedsTheZeroSizeAllowance() throws IOException {
    int id = register("{\"type\":\"array\",\"items\":\"null\"}");

    assertThatThrownBy(() -> deserialize(framed(id, e -> e.writeLong(HUGE))))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("array block of 1200000000 items");
  }

  @Test
  void shouldRefuseWhenAFieldTheReaderSkipsDeclaresTooManyItems() throws IOException {
    Schema writer =
        parse(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":["
                + "{\"name\":\"gone\",\"type\":{\"type\":\"array\",\"items\":\"null\"}},"
                + "{\"name\":\"kept\",\"type\":\"int\"}]}");
    Schema reader =
        parse(
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":["
                + "{\"name\":\"kept\",\"type\":\"int\"}]}");
    byte[] value = framed(0, e -> e.writeLong(HUGE));

    assertThatThrownBy(
            () ->
                new GenericDatumReader<>(writer, reader)
                    .read(
                        null,
                        BoundedDecoder.over(
                            value,
                            5,
                            value.length - 5,
                            BoundedDecoder.hasZeroSizeArrayItems(writer))))
        .isInstanceOf(BoundedDecoder.MalformedLengthException.class)
        .hasMessageContaining("array block of 1200000000 items");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldReadValidValuesWhenLengthsFitTheValue() throws IOException {
    int nulls = register("{\"type\":\"array\",\"items\":\"null\"}");
    int labels = register("{\"type\":\"map\",\"values\":\"bytes\"}");
    long manyNulls = 1_000;

    Object readNulls =
        deserialize(
            framed(
                nulls,
                e -> {
                  e.writeLong(manyNulls);
                  e.writeLong(0);
                }));
    Object readLabels =
        deserialize(
            framed(
                labels,
                e -> {
                  e.writeLong(1);
                  e.writeString("k");
                  e.writeBytes(new byte[] {1, 2, 3});
                  e.writeLong(0);
                }));

    assertThat((List<Object>) readNulls).hasSize(1_000).containsOnlyNulls();
    assertThat((Map<Object, Object>) readLabels)
        .containsExactly(Map.entry(new Utf8("k"), ByteBuffer.wrap(new byte[] {1, 2, 3})));
  }

  @Test
  void shouldAllowEmptyItemsOnlyForSchemasWithZeroSizeArrayItems() {
    assertThat(
            BoundedDecoder.hasZeroSizeArrayItems(parse("{\"type\":\"array\",\"items\":\"null\"}")))
        .isTrue();
    assertThat(
            BoundedDecoder.hasZeroSizeArrayItems(
                parse(
                    "{\"type\":\"array\",\"items\":{\"type\":\"record\",\"name\":\"E\",\"fields\":[]}}")))
        .isTrue();
    assertThat(BoundedDecoder.hasZeroSizeArrayItems(parse(WireFormatFuzzTest.RECORD))).isFalse();
    assertThat(
            BoundedDecoder.hasZeroSizeArrayItems(
                parse(
                    "{\"type\":\"record\",\"name\":\"L\",\"fields\":[{\"name\":\"next\",\"type\":[\"null\",{\"type\":\"array\",\"items\":\"L\"}]}]}")))
        .isFalse();
  }

  private interface Body {
    void write(BinaryEncoder encoder) throws IOException;
  }

  private static Schema parse(String schema) {
    return new Schema.Parser().parse(schema);
  }

  private int register(String schema) {
    int id = client.register("subject-" + schema.hashCode(), parse(schema));
    deserializer.configure(Map.of("schema.registry.url", URL), false);
    return id;
  }

  private Object deserialize(byte[] value) {
    return deserializer.deserialize("poison", value);
  }

  private static byte[] framed(int id, Body body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    body.write(encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
