package io.sealtrail.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes what a test fixture created with {@code Files.createTempDirectory} when it closes, so a
 * verify run leaves no {@code /tmp/anomaly-state…} or {@code /tmp/tokens…} behind (fixtures
 * outliving one test method cannot use JUnit's {@code @TempDir}).
 */
public final class TempDirs {
  private TempDirs() {}

  /** Deletes each directory and everything under it; a directory already gone is no error. */
  public static void delete(Path... dirs) {
    for (Path dir : dirs) {
      if (dir == null || !Files.exists(dir)) {
        continue;
      }
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(TempDirs::deleteOne);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + dir, e);
      }
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
