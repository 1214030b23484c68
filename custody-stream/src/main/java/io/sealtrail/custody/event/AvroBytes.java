package io.sealtrail.custody.event;

import java.nio.ByteBuffer;

/** Reads Avro {@code bytes} values, which arrive as buffers that others may read too. */
public final class AvroBytes {
  private AvroBytes() {}

  /** The remaining bytes of {@code buffer}, without moving its position. */
  public static byte[] of(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
