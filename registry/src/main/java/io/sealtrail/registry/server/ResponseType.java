package io.sealtrail.registry.server;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The content type of an answer, negotiated from {@code Accept} as Confluent's resources produce
 * them: {@code application/vnd.schemaregistry.v1+json} first, then {@code
 * application/vnd.schemaregistry+json}, then {@code application/json}. Without an acceptable one
 * (or an {@code Accept}) the first is answered rather than Jersey's 406: every client reads it.
 */
final class ResponseType {
  static final String V1 = "application/vnd.schemaregistry.v1+json";
  private static final List<String> PRODUCED =
      List.of(V1, "application/vnd.schemaregistry+json", "application/json");

  private ResponseType() {}

  static String negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return V1;
    }
    List<Range> ranges = List.of(accept.split(",")).stream().map(Range::parse).toList();
    return PRODUCED.stream().filter(type -> accepted(type, ranges)).findFirst().orElse(V1);
  }

  /** Accepted when the most specific range matching the type does not refuse it (q=0). */
  private static boolean accepted(String type, List<Range> ranges) {
    return ranges.stream()
        .filter(range -> range.specificity(type) > 0)
        .max(Comparator.comparingInt(range -> range.specificity(type)))
        .map(range -> range.quality() > 0)
        .orElse(false);
  }

  private record Range(String mediaRange, double quality) {
    static Range parse(String text) {
      String[] parts = text.split(";");
      double quality = 1;
      for (int i = 1; i < parts.length; i++) {
        String[] pair = parts[i].strip().split("=", 2);
        if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("q")) {
          try {
            quality = Double.parseDouble(pair[1].strip());
          } catch (NumberFormatException e) {
            quality = 1;
          }
        }
      }
      return new Range(parts[0].strip().toLowerCase(Locale.ROOT), quality);
    }

    /**
     * 3 for the type itself, 2 for its {@code application/*}, 1 for {@code *}/{@code *}, else 0.
     */
    int specificity(String type) {
      if (mediaRange.equals(type)) {
        return 3;
      }
      if (mediaRange.endsWith("/*")
          && type.startsWith(mediaRange.substring(0, mediaRange.length() - 1))) {
        return 2;
      }
      return mediaRange.equals("*/*") ? 1 : 0;
    }
  }
}
