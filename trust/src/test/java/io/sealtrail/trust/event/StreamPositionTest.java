package io.sealtrail.trust.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.trust.event.StreamPosition.InvalidStreamPositionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract's stream and sequence fields: both or neither, with their types and bounds. */
class StreamPositionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldReadAStreamAndItsSequenceNumber() throws Exception {
    assertThat(StreamPosition.read(json("{\"stream\":\"dock-3\",\"sequence\":0}")))
        .contains(new StreamPosition("dock-3", 0));
    assertThat(StreamPosition.read(json("{\"stream\":\"s\",\"sequence\":" + Long.MAX_VALUE + "}")))
        .contains(new StreamPosition("s", Long.MAX_VALUE));
  }

  @Test
  void shouldReadNothingWhenAnEventCarriesNeither() throws Exception {
    assertThat(StreamPosition.read(json("{\"eventId\":\"e\"}"))).isEmpty();
    assertThat(StreamPosition.read(json("{\"stream\":null,\"sequence\":null}"))).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"stream\":\"dock-3\"}|sequence|is required with stream",
        "{\"sequence\":4}|stream|is required with sequence",
        "{\"stream\":7,\"sequence\":4}|stream|must be a string",
        "{\"stream\":\"\",\"sequence\":4}|stream|must not be empty",
        "{\"stream\":\"   \",\"sequence\":4}|stream|must not be blank",
        "{\"stream\":\"a\\nb\",\"sequence\":4}|stream|control characters",
        "{\"stream\":\"s\",\"sequence\":-1}|sequence|>= 0",
        "{\"stream\":\"s\",\"sequence\":1.0}|sequence|must be an integer",
        "{\"stream\":\"s\",\"sequence\":1e3}|sequence|must be an integer",
        "{\"stream\":\"s\",\"sequence\":\"4\"}|sequence|must be an integer",
        "{\"stream\":\"s\",\"sequence\":9223372036854775808}|sequence|must be an integer",
      })
  void shouldNameTheFieldAtFaultWhenAPositionBreaksTheContract(
      String event, String field, String message) throws Exception {
    assertThatThrownBy(() -> StreamPosition.read(json(event)))
        .isInstanceOfSatisfying(
            InvalidStreamPositionException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(message);
  }

  @Test
  void shouldBoundAStreamNameTo128Characters() throws Exception {
    String longest = "s".repeat(128);
    assertThat(StreamPosition.read(json("{\"stream\":\"" + longest + "\",\"sequence\":1}")))
        .isPresent();
    assertThatThrownBy(
            () -> StreamPosition.read(json("{\"stream\":\"" + longest + "x\",\"sequence\":1}")))
        .hasMessageContaining("at most 128");
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
