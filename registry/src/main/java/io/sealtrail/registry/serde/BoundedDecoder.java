package io.sealtrail.registry.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SystemLimitException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * A binary decoder over one record value that refuses a length the value cannot hold before Avro
 * allocates for it. Avro trusts the declared array/map block counts and string/bytes lengths: a
 * 20-byte value declaring an array of 1.2 billion ints makes {@code GenericDatumReader} allocate
 * the whole array up front and the JVM dies of an {@link OutOfMemoryError} (issue 21).
 *
 * <p>Every map entry and every string/bytes byte takes at least one byte of input, and so does
 * every array item unless the item type can be encoded in zero bytes ({@code null}, {@code fixed}
 * of size 0, a record of such fields). So a block count or length above the bytes left in the value
 * is malformed; it is refused with {@link MalformedLengthException}. Arrays of zero-size items may
 * exceed the bytes left by at most {@link #ZERO_SIZE_ITEMS} items in all per value.
 *
 * <p>This bound is local to our deserializer, unlike Avro's JVM-global {@code
 * org.apache.avro.limits.*} system properties, which also stay in force (checked by the delegate).
 */
final class BoundedDecoder extends Decoder {

  /** How many array items beyond the bytes left one value may declare, if items can be empty. */
  static final long ZERO_SIZE_ITEMS = 1 << 16;

  /** A declared length or count the value cannot hold. */
  static final class MalformedLengthException extends AvroRuntimeException {
    MalformedLengthException(String message) {
      super(message);
    }
  }

  private final BinaryDecoder in;
  private final InputStream remaining;
  private long zeroSizeAllowance;

  private BoundedDecoder(BinaryDecoder in, long zeroSizeAllowance) {
    this.in = in;
    this.remaining = in.inputStream();
    this.zeroSizeAllowance = zeroSizeAllowance;
  }

  /**
   * A decoder over {@code length} bytes of {@code data} from {@code offset}; {@code
   * zeroSizeArrayItems} as {@link #hasZeroSizeArrayItems} answers for the writer schema (cached by
   * the caller: it walks the schema).
   */
  static BoundedDecoder over(byte[] data, int offset, int length, boolean zeroSizeArrayItems) {
    return new BoundedDecoder(
        DecoderFactory.get().binaryDecoder(data, offset, length, null),
        zeroSizeArrayItems ? ZERO_SIZE_ITEMS : 0);
  }

  /** Whether {@code schema} holds an array whose items may be encoded in zero bytes. */
  static boolean hasZeroSizeArrayItems(Schema schema) {
    return hasZeroSizeArrayItems(schema, new HashSet<>());
  }

  private static boolean hasZeroSizeArrayItems(Schema schema, Set<Schema> seen) {
    if (!seen.add(schema)) {
      return false;
    }
    return switch (schema.getType()) {
      case ARRAY ->
          canBeEmpty(schema.getElementType(), new HashSet<>())
              || hasZeroSizeArrayItems(schema.getElementType(), seen);
      case MAP -> hasZeroSizeArrayItems(schema.getValueType(), seen);
      case UNION -> schema.getTypes().stream().anyMatch(s -> hasZeroSizeArrayItems(s, seen));
      case RECORD ->
          schema.getFields().stream().anyMatch(f -> hasZeroSizeArrayItems(f.schema(), seen));
      default -> false;
    };
  }

  /** Whether a value of {@code schema} may be encoded in zero bytes. */
  private static boolean canBeEmpty(Schema schema, Set<Schema> seen) {
    return switch (schema.getType()) {
      case NULL -> true;
      case FIXED -> schema.getFixedSize() == 0;
      // A recursive record needs a non-empty branch (a union index) to end, so it is never empty.
      case RECORD ->
          seen.add(schema)
              && schema.getFields().stream().allMatch(f -> canBeEmpty(f.schema(), seen));
      default -> false;
    };
  }

  private long left() throws IOException {
    return remaining.available();
  }

  private long checkedLength(long length, String what) throws IOException {
    if (length < 0) {
      throw new MalformedLengthException("Malformed data: negative " + what + " length " + length);
    }
    return checked(length, 0, what + " of " + length + " bytes");
  }

  private long checkedMapCount(long count) throws IOException {
    return checked(count, 0, "map block of " + count + " entries");
  }

  private long checkedArrayCount(long count) throws IOException {
    long beyond = checked(count, zeroSizeAllowance, "array block of " + count + " items") - left();
    if (beyond > 0) {
      zeroSizeAllowance -= beyond;
    }
    return count;
  }

  /** {@code n}, if at most {@code allowance} above the bytes left; else refused as {@code what}. */
  private long checked(long n, long allowance, String what) throws IOException {
    long left = left();
    if (n - left > allowance) {
      throw new MalformedLengthException(
          "Malformed data: " + what + " declared with only " + left + " bytes left in the value");
    }
    return n;
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    int length = SystemLimitException.checkMaxStringLength(checkedLength(in.readLong(), "string"));
    Utf8 result = old != null ? old : new Utf8();
    result.setByteLength(length);
    if (length > 0) {
      in.readFixed(result.getBytes(), 0, length);
    }
    return result;
  }

  @Override
  public String readString() throws IOException {
    return readString(null).toString();
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    int length = SystemLimitException.checkMaxBytesLength(checkedLength(in.readLong(), "bytes"));
    ByteBuffer result;
    if (old != null && length <= old.capacity()) {
      result = old;
      result.clear();
    } else {
      result = ByteBuffer.allocate(length);
    }
    in.readFixed(result.array(), result.position(), length);
    result.limit(length);
    return result;
  }

  @Override
  public long readArrayStart() throws IOException {
    return checkedArrayCount(in.readArrayStart());
  }

  @Override
  public long arrayNext() throws IOException {
    return checkedArrayCount(in.arrayNext());
  }

  @Override
  public long skipArray() throws IOException {
    return checkedArrayCount(in.skipArray());
  }

  @Override
  public long readMapStart() throws IOException {
    return checkedMapCount(in.readMapStart());
  }

  @Override
  public long mapNext() throws IOException {
    return checkedMapCount(in.mapNext());
  }

  @Override
  public long skipMap() throws IOException {
    return checkedMapCount(in.skipMap());
  }

  @Override
  public void readNull() throws IOException {
    in.readNull();
  }

  @Override
  public boolean readBoolean() throws IOException {
    return in.readBoolean();
  }

  @Override
  public int readInt() throws IOException {
    return in.readInt();
  }

  @Override
  public long readLong() throws IOException {
    return in.readLong();
  }

  @Override
  public float readFloat() throws IOException {
    return in.readFloat();
  }

  @Override
  public double readDouble() throws IOException {
    return in.readDouble();
  }

  @Override
  public void skipString() throws IOException {
    in.skipString();
  }

  @Override
  public void skipBytes() throws IOException {
    in.skipBytes();
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) throws IOException {
    in.readFixed(bytes, start, length);
  }

  @Override
  public void skipFixed(int length) throws IOException {
    in.skipFixed(length);
  }

  @Override
  public int readEnum() throws IOException {
    return in.readEnum();
  }

  @Override
  public int readIndex() throws IOException {
    return in.readIndex();
  }
}
