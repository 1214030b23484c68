package io.sealtrail.custody.process;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Store keys must not change: the padding is String.format's, byte for byte. */
class ZeroPaddedTest {
  @Property
  void shouldWriteWhatStringFormatWritesWhenGivenAnyNumberAndWidth(
      @ForAll long value, @ForAll @IntRange(min = 1, max = 25) int width) {
    assertThat(ZeroPadded.of(value, width)).isEqualTo(String.format("%0" + width + "d", value));
  }

  @Test
  void shouldWriteWhatStringFormatWritesWhenAtTheEdges() {
    for (long value : new long[] {0, 1, -1, 9, 10, Long.MAX_VALUE, Long.MIN_VALUE, -42}) {
      for (int width : new int[] {1, 5, 19, 20, 21}) {
        assertThat(ZeroPadded.of(value, width)).isEqualTo(String.format("%0" + width + "d", value));
      }
    }
  }

  @Test
  void shouldAppendAfterWhatIsThereWhenAppending() {
    StringBuilder key = new StringBuilder("serial\n");

    assertThat(ZeroPadded.appendTo(key, 42, 5).toString()).isEqualTo("serial\n00042");
  }
}
