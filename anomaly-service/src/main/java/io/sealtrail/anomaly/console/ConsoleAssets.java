package io.sealtrail.anomaly.console;

import io.micronaut.http.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's static files, read from the classpath folder {@code console/}. Only plain names of
 * the kinds the console ships are served, so no request can reach another resource.
 */
final class ConsoleAssets {
  private static final String ROOT = "console/";
  // Lowercase segments without dots except the extension: "..", "%2e" or "x/.hidden" never match.
  private static final Pattern SAFE_PATH =
      Pattern.compile("([a-z0-9-]+/)*[a-z0-9-]+\\.(html|css|js|svg)");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", MediaType.TEXT_HTML + ";charset=utf-8",
          "css", "text/css;charset=utf-8",
          "js", "text/javascript;charset=utf-8",
          "svg", "image/svg+xml");

  /** A file's bytes and its content type. */
  record Asset(byte[] bytes, String contentType) {}

  /** The file at {@code path} (relative to the console folder), if the console has it. */
  Optional<Asset> find(String path) {
    if (!SAFE_PATH.matcher(path).matches()) {
      return Optional.empty();
    }
    try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(ROOT + path)) {
      if (in == null) {
        return Optional.empty();
      }
      String extension = path.substring(path.lastIndexOf('.') + 1);
      return Optional.of(new Asset(in.readAllBytes(), TYPES.get(extension)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read console file " + path, e);
    }
  }
}
