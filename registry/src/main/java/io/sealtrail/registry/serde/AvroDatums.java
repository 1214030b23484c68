package io.sealtrail.registry.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Avro binary encoding of one value as Confluent writes it: records with their own model (so
 * logical-type conversions apply), primitives with Avro's primitive schemas, top-level {@code
 * bytes} raw without a length (Confluent's quirk).
 */
final class AvroDatums {
  private static final Map<Class<?>, Schema.Type> PRIMITIVES =
      Map.of(
          String.class, Schema.Type.STRING,
          org.apache.avro.util.Utf8.class, Schema.Type.STRING,
          Integer.class, Schema.Type.INT,
          Long.class, Schema.Type.LONG,
          Boolean.class, Schema.Type.BOOLEAN,
          Float.class, Schema.Type.FLOAT,
          Double.class, Schema.Type.DOUBLE,
          byte[].class, Schema.Type.BYTES);

  private AvroDatums() {}

  /** The schema a value carries: its own for records, Avro's primitive one otherwise. */
  static Schema schemaOf(Object value) {
    if (value instanceof GenericContainer container) {
      return container.getSchema();
    }
    if (value instanceof ByteBuffer) {
      return Schema.create(Schema.Type.BYTES);
    }
    Schema.Type type = PRIMITIVES.get(value.getClass());
    if (type == null) {
      throw new SerializationException(
          "Unsupported Avro type "
              + value.getClass().getName()
              + ": expected a record, String, Integer, Long, Boolean, Float, Double, byte[] or ByteBuffer");
    }
    return Schema.create(type);
  }

  /** Appends the value written with {@code writer} (a schema the value conforms to). */
  static void write(Object value, Schema writer, ByteArrayOutputStream out) throws IOException {
    if (writer.getType() == Schema.Type.BYTES) {
      out.write(value instanceof ByteBuffer buffer ? bytes(buffer) : (byte[]) value);
      return;
    }
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    datumWriter(value, writer).write(value, encoder);
    encoder.flush();
  }

  private static DatumWriter<Object> datumWriter(Object value, Schema writer) {
    if (value instanceof SpecificRecord) {
      return new SpecificDatumWriter<>(writer, SpecificData.getForClass(value.getClass()));
    }
    return new GenericDatumWriter<>(writer, GenericData.get());
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
