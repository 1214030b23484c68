package io.sealtrail.translog.entry;

import io.sealtrail.translog.merkle.Hash;
import io.sealtrail.translog.merkle.MerkleHashing;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * What the log records for one accepted custody event, and its canonical leaf bytes (format v1,
 * documented byte by byte in the module README): five length-prefixed fields, each a big-endian
 * uint32 length then the bytes: the label {@value #LABEL}, the partner id (UTF-8), the event id
 * (UTF-8), the 32-byte SHA-256 of the envelope bytes and the receipt time as a big-endian int64 of
 * epoch milliseconds.
 */
public record AcceptedEventLeaf(
    String partnerId, String eventId, Hash envelopeSha256, Instant receivedAt) {
  /** The first field: names the format so a leaf of another kind or version can never match. */
  public static final String LABEL = "sealtrail.custody-event.v1";

  public AcceptedEventLeaf {
    requireText(partnerId, "partnerId");
    requireText(eventId, "eventId");
    if (envelopeSha256 == null || receivedAt == null) {
      throw new IllegalArgumentException(
          "a leaf needs the envelope's SHA-256 and the receipt time");
    }
    if (receivedAt.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("receivedAt is kept in milliseconds, got " + receivedAt);
    }
  }

  /** The leaf of an envelope as accepted: its SHA-256 is computed over exactly these bytes. */
  public static AcceptedEventLeaf of(
      String partnerId, String eventId, byte[] envelopeBytes, Instant receivedAt) {
    return new AcceptedEventLeaf(
        partnerId, eventId, Hash.of(MerkleHashing.sha256(envelopeBytes)), receivedAt);
  }

  /** The canonical leaf bytes (the log hashes them as {@code SHA-256(0x00 || bytes)}). */
  public byte[] encode() {
    byte[][] fields = {
      LABEL.getBytes(StandardCharsets.US_ASCII),
      partnerId.getBytes(StandardCharsets.UTF_8),
      eventId.getBytes(StandardCharsets.UTF_8),
      envelopeSha256.bytes(),
      ByteBuffer.allocate(Long.BYTES).putLong(receivedAt.toEpochMilli()).array()
    };
    int length = 0;
    for (byte[] field : fields) {
      length += Integer.BYTES + field.length;
    }
    ByteBuffer out = ByteBuffer.allocate(length);
    for (byte[] field : fields) {
      out.putInt(field.length).put(field);
    }
    return out.array();
  }

  /** The RFC 9162 leaf hash of {@link #encode()}. */
  public Hash leafHash() {
    return MerkleHashing.leafHash(encode());
  }

  /**
   * Decodes canonical leaf bytes; anything but exactly one v1 encoding is rejected.
   *
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public static AcceptedEventLeaf decode(byte[] leaf) {
    ByteBuffer in = ByteBuffer.wrap(leaf);
    try {
      if (!LABEL.equals(utf8(field(in, "label"), "label"))) {
        throw new IllegalArgumentException("leaf is not " + LABEL);
      }
      String partnerId = utf8(field(in, "partnerId"), "partnerId");
      String eventId = utf8(field(in, "eventId"), "eventId");
      Hash envelopeSha256 = Hash.of(field(in, "envelopeSha256"));
      byte[] millis = field(in, "receivedAt");
      if (millis.length != Long.BYTES) {
        throw new IllegalArgumentException("receivedAt is 8 bytes, got " + millis.length);
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " bytes after the last field");
      }
      Instant at = Instant.ofEpochMilli(ByteBuffer.wrap(millis).getLong());
      return new AcceptedEventLeaf(partnerId, eventId, envelopeSha256, at);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("leaf ends inside a field", e);
    }
  }

  private static byte[] field(ByteBuffer in, String name) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException(name + " length " + length + " runs past the leaf");
    }
    byte[] value = new byte[length];
    in.get(value);
    return value;
  }

  private static String utf8(byte[] bytes, String name) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    // The JDK replaces malformed input; a round trip that changes the bytes means it was not UTF-8.
    if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
      throw new IllegalArgumentException(name + " is not valid UTF-8");
    }
    return text;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
      throw new IllegalArgumentException(name + " is not valid Unicode");
    }
  }
}
