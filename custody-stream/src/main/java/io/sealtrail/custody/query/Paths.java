package io.sealtrail.custody.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path segments for the reads one instance sends another. */
final class Paths {
  private Paths() {}

  /** {@code value} as one path segment (a space as %20, not +). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
