package io.sealtrail.trust.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads signed JSON the one way it can be read: strict UTF-8 (no charset detection, so UTF-16 or
 * UTF-32 are refused), one value and nothing after it, no duplicate field.
 */
public final class StrictJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private StrictJson() {}

  /** The mapper the strict reader uses, for writing. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /**
   * The JSON value of {@code bytes}, or null for no content.
   *
   * @throws Unreadable naming the defect, and pointing at the duplicated field when there is one
   */
  public static JsonNode read(byte[] bytes) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new Unreadable(null, "not UTF-8");
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Unreadable(duplicated(e).orElse(null), "not JSON: " + JsonDefects.describe(e));
    } catch (IOException e) {
      throw new Unreadable(null, "not JSON");
    }
  }

  private static Optional<String> duplicated(JsonProcessingException e) {
    if (!String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")
        || !(e.getProcessor() instanceof JsonParser parser)) {
      return Optional.empty();
    }
    // The parsing context points at the field given twice, e.g. /partnerId or /detail/sealId.
    return Optional.ofNullable(parser.getParsingContext())
        .map(context -> context.pathAsPointer().toString())
        .filter(pointer -> !pointer.isEmpty());
  }

  /** Bytes that are not one strict UTF-8 JSON value. */
  public static final class Unreadable extends RuntimeException {
    private final String duplicatedField;

    Unreadable(String duplicatedField, String message) {
      super(message);
      this.duplicatedField = duplicatedField;
    }

    /** The JSON pointer of a field given twice ({@code /partnerId}), when that is the defect. */
    public Optional<String> duplicatedField() {
      return Optional.ofNullable(duplicatedField);
    }
  }
}
