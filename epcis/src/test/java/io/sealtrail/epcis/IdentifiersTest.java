package io.sealtrail.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void shouldEncodeEachValueAsOneSegmentWhenItHoldsReservedCharacters() {
    assertThat(Identifiers.station("plant 1", "line/2"))
        .isEqualTo("https://id.sealtrail.example/site/plant%201/station/line%2F2");
    assertThat(Identifiers.lot("PN:7", "L#9"))
        .isEqualTo("https://id.sealtrail.example/lot/PN%3A7/L%239");
  }

  @Property(tries = 500)
  void shouldReadBackEveryValueWhenParsingWhatWasWritten(
      @ForAll String partNumber, @ForAll String lot) {
    String utf8PartNumber = wellFormed(partNumber);
    String utf8Lot = wellFormed(lot);
    if (utf8PartNumber.isEmpty() || utf8Lot.isEmpty()) {
      return;
    }

    Optional<List<String>> parsed =
        Identifiers.parse(Identifiers.lot(utf8PartNumber, utf8Lot), "lot", 2);

    assertThat(parsed).contains(List.of(utf8PartNumber, utf8Lot));
  }

  @Test
  void shouldRefuseWhenTheUriIsOfAnotherKindOrBadlyEncoded() {
    assertThat(Identifiers.parse("urn:epc:id:sgtin:4012345.011111.SN-0001", "serial", 1)).isEmpty();
    assertThat(Identifiers.parse("https://id.sealtrail.example/site/a", "serial", 1)).isEmpty();
    assertThat(Identifiers.parse("https://id.sealtrail.example/serial/a/b", "serial", 1)).isEmpty();
    assertThat(Identifiers.parse("https://id.sealtrail.example/serial/", "serial", 1)).isEmpty();
    assertThat(Identifiers.parse("https://id.sealtrail.example/serial/%4", "serial", 1)).isEmpty();
    assertThat(Identifiers.parse("https://id.sealtrail.example/serial/%C3", "serial", 1)).isEmpty();
    assertThat(Identifiers.parse("https://id.sealtrail.example/serial/a b", "serial", 1)).isEmpty();
  }

  @Test
  void shouldDecodeAnyValidEscapingWhenAPartnerEncodesDifferently() {
    assertThat(Identifiers.parse("https://id.sealtrail.example/serial/SN%2d1:x", "serial", 1))
        .contains(List.of("SN-1:x"));
  }

  /** Drops lone surrogates, which no UTF-8 text (and so no partner's JSON) can hold. */
  private static String wellFormed(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
