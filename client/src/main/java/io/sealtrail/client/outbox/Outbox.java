package io.sealtrail.client.outbox;

import io.sealtrail.client.SignedEnvelope;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A durable queue of envelopes in a directory, one file per envelope named by its sequence. A file
 * is written to a temporary name, forced to disk and renamed, so after a crash each envelope is
 * either wholly there or was never acknowledged. Files that hold no valid envelope are moved to
 * {@code quarantine/}. One process at a time: a lock file guards the directory. Thread-safe.
 */
public final class Outbox implements AutoCloseable {
  private static final String SUFFIX = ".envelope";
  private static final String TEMP_SUFFIX = DurableFiles.TEMP_SUFFIX;

  private final Path dir;
  private final Path quarantineDir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final TreeMap<Long, OutboxEntry> entries = new TreeMap<>();
  private final List<Quarantined> quarantinedAtOpen = new ArrayList<>();
  private long nextSequence = 1;

  private Outbox(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.quarantineDir = dir.resolve("quarantine");
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (creating it if needed) the outbox in {@code dir} and reads what a previous run left.
   *
   * @throws IllegalStateException if another client holds this outbox
   */
  public static Outbox open(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("quarantine"));
    FileChannel channel =
        FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException("outbox " + dir + " is in use by another client");
    }
    Outbox outbox = new Outbox(dir, channel, lock);
    try {
      outbox.load();
    } catch (IOException | RuntimeException e) {
      outbox.close();
      throw e;
    }
    return outbox;
  }

  private void load() throws IOException {
    for (Path file : list(dir)) {
      String name = file.getFileName().toString();
      if (name.endsWith(TEMP_SUFFIX)) {
        // Never renamed, so its append never returned: nobody was told it is stored.
        Files.delete(file);
      } else if (name.endsWith(SUFFIX)) {
        load(file, sequenceOf(name));
      }
    }
    for (Path file : list(quarantineDir)) {
      nextSequence = Math.max(nextSequence, sequenceOf(file.getFileName().toString()) + 1);
    }
  }

  private void load(Path file, long sequence) throws IOException {
    nextSequence = Math.max(nextSequence, sequence + 1);
    try {
      if (sequence < 0) {
        throw new OutboxFile.Corrupt("file name is not a sequence number");
      }
      OutboxFile.Stored stored = OutboxFile.decode(Files.readAllBytes(file));
      Instant storedAt =
          stored.storedAt() != null
              ? stored.storedAt()
              : Files.getLastModifiedTime(file).toInstant();
      entries.put(sequence, new OutboxEntry(sequence, stored.envelope(), file, storedAt));
    } catch (OutboxFile.Corrupt e) {
      Path moved = quarantineDir.resolve(file.getFileName());
      Files.move(file, moved, StandardCopyOption.REPLACE_EXISTING);
      quarantinedAtOpen.add(new Quarantined(moved, e.getMessage()));
    }
  }

  /** Stores {@code envelope} durably, stored now; when this returns it survives a crash. */
  public OutboxEntry append(SignedEnvelope envelope) throws IOException {
    return append(envelope, Instant.now());
  }

  /** Stores {@code envelope} durably as stored at {@code storedAt}; it then survives a crash. */
  public synchronized OutboxEntry append(SignedEnvelope envelope, Instant storedAt)
      throws IOException {
    long sequence = nextSequence++;
    Path file = dir.resolve(String.format("%020d", sequence) + SUFFIX);
    DurableFiles.write(file, OutboxFile.encode(envelope, storedAt));
    OutboxEntry entry = new OutboxEntry(sequence, envelope, file, storedAt);
    entries.put(sequence, entry);
    return entry;
  }

  /** What waits to be sent, oldest first. */
  public synchronized List<OutboxEntry> pending() {
    return List.copyOf(entries.values());
  }

  public synchronized int size() {
    return entries.size();
  }

  /** Forgets {@code entry} once the platform answered for it. */
  public synchronized void remove(OutboxEntry entry) throws IOException {
    // No directory sync: a delete lost in a crash only resends the envelope, answered duplicate.
    Files.deleteIfExists(entry.file());
    entries.remove(entry.sequence());
  }

  /**
   * Moves {@code entry} to {@code quarantine/} because the platform refuses it for good (e.g. too
   * large for its limits): kept for a person to look at, no longer blocking what follows.
   */
  public synchronized Quarantined quarantine(OutboxEntry entry, String why) throws IOException {
    Path moved = quarantineDir.resolve(entry.file().getFileName());
    Files.move(entry.file(), moved, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory();
    entries.remove(entry.sequence());
    return new Quarantined(moved, why);
  }

  /** Files moved to quarantine when this outbox was opened. */
  public List<Quarantined> quarantinedAtOpen() {
    return List.copyOf(quarantinedAtOpen);
  }

  public Path directory() {
    return dir;
  }

  private void forceDirectory() throws IOException {
    DurableFiles.forceDirectory(dir);
  }

  private static long sequenceOf(String name) {
    String digits = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static List<Path> list(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockChannel.close();
    }
  }
}
