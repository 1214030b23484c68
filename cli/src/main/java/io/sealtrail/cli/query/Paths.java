package io.sealtrail.cli.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** API paths with user input as one encoded segment, so a serial cannot reach another route. */
public final class Paths {
  private Paths() {}

  public static String of(String prefix, String segment, String suffix) {
    return prefix + encoded(segment) + suffix;
  }

  /** {@code value} percent-encoded for a path segment or a query parameter. */
  static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
