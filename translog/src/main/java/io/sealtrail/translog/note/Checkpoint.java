package io.sealtrail.translog.note;

import io.sealtrail.translog.merkle.Hash;
import java.util.Arrays;
import java.util.List;

/**
 * A C2SP tlog-checkpoint body: the log's origin, the tree size in decimal and the base64 root hash,
 * one per line, then optional non-empty extension lines. Parsing is strict: no sign or leading zero
 * in the size, exactly 32 bytes of canonical padded base64 in the root.
 */
public record Checkpoint(String origin, long size, Hash rootHash, List<String> extensions) {
  public Checkpoint {
    if (origin == null || origin.isEmpty() || origin.contains("\n")) {
      throw NoteException.malformed("checkpoint origin must be one non-empty line");
    }
    if (size < 0) {
      throw NoteException.malformed("checkpoint size must not be negative: " + size);
    }
    if (rootHash == null) {
      throw NoteException.malformed("checkpoint has no root hash");
    }
    extensions = List.copyOf(extensions);
    if (extensions.stream().anyMatch(line -> line.isEmpty() || line.contains("\n"))) {
      throw NoteException.malformed("checkpoint extension lines must be single non-empty lines");
    }
    NoteText.requireValidText(body(origin, size, rootHash, extensions));
  }

  public Checkpoint(String origin, long size, Hash rootHash) {
    this(origin, size, rootHash, List.of());
  }

  /** Parses note text (the part a signature covers) as a checkpoint. */
  public static Checkpoint parse(String text) {
    NoteText.requireValidText(text);
    List<String> lines = Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
    if (lines.size() < 3) {
      throw NoteException.malformed("a checkpoint has an origin, a size and a root hash line");
    }
    Hash root;
    try {
      root = Hash.fromBase64(lines.get(2));
    } catch (IllegalArgumentException e) {
      throw NoteException.malformed("checkpoint root hash: " + e.getMessage());
    }
    return new Checkpoint(
        lines.get(0), parseSize(lines.get(1)), root, lines.subList(3, lines.size()));
  }

  /**
   * Verifies the signed note with {@code verifier} and parses its text.
   *
   * @throws NoteException as {@link NoteVerifier#verify(String)}, MALFORMED for a bad body and
   *     WRONG_ORIGIN when the checkpoint is of another log than {@code expectedOrigin}
   */
  public static Checkpoint verify(String signedNote, NoteVerifier verifier, String expectedOrigin) {
    Checkpoint checkpoint = parse(verifier.verify(signedNote).text());
    if (!checkpoint.origin().equals(expectedOrigin)) {
      throw new NoteException(
          NoteException.Reason.WRONG_ORIGIN,
          "checkpoint of " + checkpoint.origin() + ", expected " + expectedOrigin);
    }
    return checkpoint;
  }

  /** The note text: what a signature covers. */
  public String body() {
    return body(origin, size, rootHash, extensions);
  }

  /** This checkpoint signed by {@code signer}. */
  public SignedNote sign(NoteSigner signer) {
    return signer.signNote(body());
  }

  private static String body(String origin, long size, Hash root, List<String> extensions) {
    StringBuilder text = new StringBuilder();
    text.append(origin).append('\n').append(size).append('\n').append(root.base64()).append('\n');
    extensions.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  private static long parseSize(String line) {
    if (!line.matches("0|[1-9][0-9]{0,18}")) {
      throw NoteException.malformed(
          "checkpoint size is not a decimal without leading zeros: " + line);
    }
    try {
      return Long.parseLong(line);
    } catch (NumberFormatException e) {
      throw NoteException.malformed("checkpoint size is too large: " + line);
    }
  }
}
