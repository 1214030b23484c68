package io.sealtrail.translog.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sealtrail.translog.merkle.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class AcceptedEventLeafTest {
  static final byte[] ENVELOPE =
      "{\"payloadType\":\"application/vnd.sealtrail.event+json\",\"payload\":\"e30=\",\"signatures\":[]}"
          .getBytes(StandardCharsets.UTF_8);
  static final Instant RECEIVED = Instant.parse("2026-11-21T06:00:01.234Z");

  /** Computed independently (Python struct + hashlib) from the README's byte layout. */
  private static final String LEAF_HEX =
      "0000001a7365616c747261696c2e637573746f64792d6576656e742e7631"
          + "00000005646f636b37"
          + "0000000765762d30303032"
          + "00000020e678f0f68c5ec124749ee99497603b94ed0fc38ad4b4c0114d9c6780b248a225"
          + "00000008000001a1fcb0b3d2";

  /** Where the partner id's length starts: after the 4-byte length and 26 bytes of the label. */
  private static final int PARTNER_AT = 30;

  @Test
  void shouldEncodeTheDocumentedBytesAndLeafHash() {
    AcceptedEventLeaf leaf = AcceptedEventLeaf.of("dock7", "ev-0002", ENVELOPE, RECEIVED);

    assertThat(HexFormat.of().formatHex(leaf.encode())).isEqualTo(LEAF_HEX);
    assertThat(leaf.leafHash().hex())
        .isEqualTo("ecb97db463368ea026e6f62a30b4c1ba9f242cef7d1fdddd382d9c4e76c7b5d7");
    assertThat(AcceptedEventLeaf.decode(leaf.encode())).isEqualTo(leaf);
  }

  @Test
  void shouldKeepFieldBoundariesUnambiguous() {
    Hash sha = Hash.of(new byte[32]);

    byte[] a = new AcceptedEventLeaf("ab", "c", sha, RECEIVED).encode();
    byte[] b = new AcceptedEventLeaf("a", "bc", sha, RECEIVED).encode();

    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void shouldRejectLeafBytesThatAreNotExactlyOneV1Encoding() {
    byte[] good = HexFormat.of().parseHex(LEAF_HEX);

    assertRejected(Arrays.copyOf(good, good.length + 1), "1 bytes after the last field");
    assertRejected(Arrays.copyOf(good, good.length - 1), "runs past the leaf");
    assertRejected(Arrays.copyOf(good, 2), "ends inside a field");
    assertRejected(replace(good, 4, "sealtrail.custody-event.v2"), "leaf is not");
    assertRejected(withByte(good, PARTNER_AT + 4, 0xff), "partnerId is not valid UTF-8");
    assertRejected(withInt(good, PARTNER_AT + 4 + 5 + 4 + 7, 31), "a hash is 32 bytes");
    assertRejected(withInt(good, PARTNER_AT, -1), "partnerId length -1");
  }

  @Test
  void shouldRejectEmptyIdsAndSubMillisecondTimes() {
    assertThatThrownBy(() -> AcceptedEventLeaf.of("", "ev", ENVELOPE, RECEIVED))
        .hasMessageContaining("partnerId is empty");
    assertThatThrownBy(() -> AcceptedEventLeaf.of("p", "ev", ENVELOPE, RECEIVED.plusNanos(1)))
        .hasMessageContaining("milliseconds");
  }

  @Property(tries = 300)
  void shouldDecodeWhatItEncodes(
      @ForAll @StringLength(min = 1, max = 40) String partnerId,
      @ForAll @StringLength(min = 1, max = 80) String eventId,
      @ForAll @LongRange(min = -62_135_596_800_000L, max = 253_402_300_799_999L) long millis) {
    // Unpaired surrogates are not Unicode text; they are refused, which the example test shows.
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(partnerId + eventId)) {
      return;
    }
    AcceptedEventLeaf leaf =
        AcceptedEventLeaf.of(partnerId, eventId, ENVELOPE, Instant.ofEpochMilli(millis));

    assertThat(AcceptedEventLeaf.decode(leaf.encode())).isEqualTo(leaf);
  }

  @Property(tries = 500)
  void shouldRefuseArbitraryBytesWithAnIllegalArgumentOnly(@ForAll byte[] bytes) {
    Throwable thrown = catchThrowable(() -> AcceptedEventLeaf.decode(bytes));

    assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRejected(byte[] leaf, String message) {
    assertThatThrownBy(() -> AcceptedEventLeaf.decode(leaf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  /** Overwrites bytes from {@code at} with the UTF-8 of {@code text}. */
  private static byte[] replace(byte[] leaf, int at, String text) {
    byte[] copy = leaf.clone();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, copy, at, bytes.length);
    return copy;
  }

  private static byte[] withByte(byte[] leaf, int at, int value) {
    byte[] copy = leaf.clone();
    copy[at] = (byte) value;
    return copy;
  }

  private static byte[] withInt(byte[] leaf, int at, int value) {
    byte[] copy = leaf.clone();
    ByteBuffer.wrap(copy).putInt(at, value);
    return copy;
  }
}
