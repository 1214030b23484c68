package io.sealtrail.log.key;

import io.sealtrail.translog.note.NoteException;
import io.sealtrail.translog.note.NoteSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The log's signing key, kept like the other secrets: a file (mode 600) holding the Go tooling's
 * private key string {@code PRIVATE+KEY+<origin>+<hex keyid>+<base64(0x01 || seed)>}. Its name must
 * be the log's origin, the name verifiers know the key by. Apart from partner and DSSE keys.
 */
public final class LogKey {
  private LogKey() {}

  /**
   * The signer in {@code file}.
   *
   * @throws IllegalArgumentException naming the file when it is unreadable, malformed or the key of
   *     another origin
   */
  public static NoteSigner load(Path file, String origin) {
    String text;
    try {
      text = Files.readString(file).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the log's key file " + file + ": " + e, e);
    }
    NoteSigner signer;
    try {
      signer = NoteSigner.parsePrivateKey(text);
    } catch (NoteException e) {
      throw new IllegalArgumentException("log key file " + file + ": " + e.getMessage(), e);
    }
    if (!signer.verifierKey().name().equals(origin)) {
      throw new IllegalArgumentException(
          "log key file "
              + file
              + " holds the key of "
              + signer.verifierKey().name()
              + ", not of the origin "
              + origin);
    }
    return signer;
  }

  /** The signer in {@code file}, first writing a fresh key for {@code origin} if there is none. */
  public static NoteSigner ensure(Path file, String origin) {
    if (!Files.exists(file)) {
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.createFile(file);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // Not a POSIX file system: the directory's own access rules apply.
        }
        Files.writeString(file, NoteSigner.generate(origin).privateKeyString() + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the log's key " + file, e);
      }
    }
    return load(file, origin);
  }
}
