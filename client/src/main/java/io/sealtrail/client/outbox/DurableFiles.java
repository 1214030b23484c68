package io.sealtrail.client.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a crash leaves either the old content or the new, never a part: the bytes
 * go to {@code <name>.tmp}, forced to disk, renamed over the file atomically, and the directory is
 * forced. The outbox's envelopes, a stream's counter, receipts and proofs are written this way.
 */
public final class DurableFiles {
  /** The suffix of a write that never completed; whoever reads the directory deletes it. */
  public static final String TEMP_SUFFIX = ".tmp";

  private DurableFiles() {}

  /** Writes {@code bytes} as {@code file}; once this returns they survive a crash. */
  public static void write(Path file, byte[] bytes) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(file.toAbsolutePath().getParent());
  }

  /** Makes a rename or delete in {@code dir} durable: it is only once the entry is on disk. */
  public static void forceDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
