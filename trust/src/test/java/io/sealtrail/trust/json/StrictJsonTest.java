package io.sealtrail.trust.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unreadable JSON is described in our words: what is wrong and where, never the parser's names. */
class StrictJsonTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DEEP|nested deeper than 1000 levels",
        "LONG_NUMBER|a number longer than 1000 characters",
        "{\"a\":1|not JSON: ",
        "{} {}|content after the JSON value",
        "{\"a\":tru}|not JSON: "
      })
  void shouldDescribeTheDefectWithoutLibraryNamesWhenJsonIsUnreadable(String json, String words) {
    String text =
        json.replace("DEEP", "[".repeat(1001) + "]".repeat(1001))
            .replace("LONG_NUMBER", "[" + "1".repeat(1001) + "]");

    assertThatThrownBy(() -> StrictJson.read(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(StrictJson.Unreadable.class)
        .hasMessageContaining(words)
        .hasMessageNotContaining("`")
        .hasMessageNotContaining("StreamRead")
        .hasMessageNotContaining("Source")
        .hasMessageNotContaining("com.fasterxml");
  }
}
