package io.sealtrail.client.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The durable count of one stream: the number its next event gets, kept in {@code
 * <dir>/<stream>.next} (the name percent-encoded). A number is handed out only after the count past
 * it is on disk, so a crash never hands it out twice (which custody-stream would call
 * SEQUENCE_REUSE); a crash after the count was written and before the event was stored skips the
 * number, which custody-stream reports, truthfully, as SEQUENCE_GAP.
 */
public final class StreamCounter {
  private static final String SUFFIX = ".next";
  private final Path file;
  private long next;

  private StreamCounter(Path file, long next) {
    this.file = file;
    this.next = next;
  }

  /** The counter of {@code stream} in {@code dir}, created at 0 when there is none. */
  public static StreamCounter open(Path dir, String stream) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(fileName(stream) + SUFFIX);
    Files.deleteIfExists(file.resolveSibling(file.getFileName() + DurableFiles.TEMP_SUFFIX));
    if (!Files.exists(file)) {
      return new StreamCounter(file, 0);
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    try {
      long next = Long.parseLong(text);
      if (next < 0) {
        throw new NumberFormatException("negative");
      }
      return new StreamCounter(file, next);
    } catch (NumberFormatException e) {
      // Starting again at 0 would give numbers twice: refuse, and let a person look.
      throw new IOException(
          file + " does not hold the stream's next number (a decimal >= 0): '" + text + "'", e);
    }
  }

  /** Takes the next number: durably counted past before it is returned. */
  public synchronized long take() throws IOException {
    long taken = next;
    DurableFiles.write(file, (Math.addExact(taken, 1) + "\n").getBytes(StandardCharsets.UTF_8));
    next = taken + 1;
    return taken;
  }

  /** The number the next event gets. */
  public synchronized long peek() {
    return next;
  }

  /** Letters, digits, {@code -} and {@code _} as they are; every other byte as {@code %XX}. */
  static String fileName(String stream) {
    StringBuilder name = new StringBuilder();
    for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_') {
        name.append(c);
      } else {
        name.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return name.toString();
  }
}
