package io.sealtrail.cli.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** API paths with user input as one encoded segment, so a serial cannot reach another route. */
public final class Paths {
  private Paths() {}

  public static String of(String prefix, String segment, String suffix) {
    String encoded = URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    return prefix + encoded + suffix;
  }
}
