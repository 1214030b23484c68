package io.sealtrail.registry.serde;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Confluent's framing: magic byte 0 and a 4-byte big-endian id before the Avro datum, or (CP 8.x)
 * the id in a {@code __key_schema_id} / {@code __value_schema_id} header with a bare datum.
 */
public final class WireFormat {
  public static final byte MAGIC_ID = 0;
  public static final byte MAGIC_GUID = 1;
  public static final String KEY_HEADER = "__key_schema_id";
  public static final String VALUE_HEADER = "__value_schema_id";
  private static final int PREFIX_LENGTH = 5;

  private WireFormat() {}

  /** A framed record taken apart: whose schema wrote it, and the datum bytes. */
  public record Framed(SchemaRef schema, ByteBuffer datum) {}

  /** The 5-byte prefix; the serializer only ever writes this form. */
  public static byte[] prefix(int id) {
    return ByteBuffer.allocate(PREFIX_LENGTH).put(MAGIC_ID).putInt(id).array();
  }

  /** Reads the schema reference from the header when present, else from the payload prefix. */
  public static Framed read(byte[] payload, Headers headers, boolean isKey) {
    Header header = headers == null ? null : headers.lastHeader(isKey ? KEY_HEADER : VALUE_HEADER);
    if (header != null && header.value() != null) {
      return new Framed(
          reference(ByteBuffer.wrap(header.value()), "header " + header.key()),
          ByteBuffer.wrap(payload));
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    return new Framed(reference(buffer, "payload"), buffer.slice());
  }

  private static SchemaRef reference(ByteBuffer buffer, String where) {
    if (buffer.remaining() < PREFIX_LENGTH) {
      throw new SerializationException(
          "Unknown magic byte! The "
              + where
              + " has "
              + buffer.remaining()
              + " bytes, too short for the Confluent wire format (at least 5: magic byte 0 and a 4-byte schema id)");
    }
    byte magic = buffer.get();
    if (magic == MAGIC_ID) {
      return new SchemaRef.ById(buffer.getInt());
    }
    if (magic == MAGIC_GUID && buffer.remaining() >= 16) {
      return new SchemaRef.ByGuid(new UUID(buffer.getLong(), buffer.getLong()));
    }
    throw new SerializationException(
        "Unknown magic byte! Expected 0 in the " + where + ", got " + magic);
  }
}
