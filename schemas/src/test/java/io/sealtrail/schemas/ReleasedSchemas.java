package io.sealtrail.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The snapshots of released value schemas under {@code src/test/resources/released/<release>/}. Run
 * {@code main} with the release name when cutting a release to add its snapshot.
 */
final class ReleasedSchemas {

  private static final String ROOT = "/released/";
  private static final String INDEX = ROOT + "releases.txt";
  private static final String UNRELEASED = ROOT + "unreleased.txt";
  private static final String UNRELEASED_HEADER =
      "# Topic value schemas (full names) added since the last release, one a line.\n";

  private ReleasedSchemas() {}

  /** Every released version of the schema with this full name, oldest first. */
  static List<ReleasedSchema> of(String fullName) throws IOException {
    List<ReleasedSchema> found = new ArrayList<>();
    for (String release : releases()) {
      try (InputStream in = open(ROOT + release + "/" + fullName + ".avsc")) {
        if (in != null) {
          found.add(new ReleasedSchema(release, new Schema.Parser().parse(in)));
        }
      }
    }
    return found;
  }

  private static List<String> releases() throws IOException {
    return lines(INDEX);
  }

  /**
   * The full names of topic schemas added since the last release: they have no released version
   * yet. Snapshotting a release empties the list.
   */
  static List<String> unreleased() throws IOException {
    return lines(UNRELEASED);
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = open(resource)) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    }
  }

  private static InputStream open(String path) {
    return ReleasedSchemas.class.getResourceAsStream(path);
  }

  /** Writes the current schemas as release {@code args[0]} into the test resources. */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ReleasedSchemas <release>");
    }
    Path dir = Path.of("src/test/resources/released", args[0]);
    try {
      Files.createDirectories(dir);
      for (var topic : TopicSchemas.all()) {
        Files.writeString(dir.resolve(topic.fullName() + ".avsc"), topic.schema().toString(true));
      }
      Files.writeString(
          dir.resolveSibling("releases.txt"),
          args[0] + System.lineSeparator(),
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      Files.writeString(dir.resolveSibling("unreleased.txt"), UNRELEASED_HEADER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
