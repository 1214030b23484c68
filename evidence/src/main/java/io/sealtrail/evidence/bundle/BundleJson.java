package io.sealtrail.evidence.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes and reads evidence bundles as JSON. */
public final class BundleJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private BundleJson() {}

  /** The bundle as JSON, indented for the human who opens it. */
  public static String write(EvidenceBundle bundle) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(bundle);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a bundle; unknown fields are ignored (additions to the format are additive).
   *
   * @throws UnreadableBundleException naming what is wrong, for bytes that are not a bundle
   */
  public static EvidenceBundle read(byte[] json) {
    EvidenceBundle bundle;
    try {
      bundle = MAPPER.readValue(json, EvidenceBundle.class);
    } catch (IOException e) {
      throw new UnreadableBundleException("not an evidence bundle: " + firstLine(e.getMessage()));
    }
    if (bundle == null || !EvidenceBundle.FORMAT.equals(bundle.format())) {
      throw new UnreadableBundleException(
          "not a "
              + EvidenceBundle.FORMAT
              + " bundle (format: "
              + (bundle == null ? null : bundle.format())
              + ")");
    }
    return bundle;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /** The bytes are not an evidence bundle of this format. */
  public static final class UnreadableBundleException extends RuntimeException {
    public UnreadableBundleException(String message) {
      super(message);
    }
  }
}
