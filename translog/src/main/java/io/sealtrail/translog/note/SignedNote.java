package io.sealtrail.translog.note;

import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP signed note: text (every line ends with a newline), one blank line, then one or more
 * signature lines. The signed bytes are the UTF-8 text, final newline included.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
  /** More signature lines than this are refused as TOO_MANY_SIGNATURES (the spec asks for 16). */
  public static final int MAX_SIGNATURES = 100;

  public SignedNote {
    NoteText.requireValidText(text);
    if (signatures == null || signatures.isEmpty()) {
      throw NoteException.malformed("a signed note has at least one signature line");
    }
    if (signatures.size() > MAX_SIGNATURES) {
      throw new NoteException(
          NoteException.Reason.TOO_MANY_SIGNATURES,
          signatures.size() + " signature lines, at most " + MAX_SIGNATURES + " accepted");
    }
    signatures = List.copyOf(signatures);
  }

  /**
   * Parses a note strictly: the text ends at the last blank line, each later line is a signature.
   */
  public static SignedNote parse(String note) {
    if (note == null) {
      throw NoteException.malformed("note is missing");
    }
    NoteText.requireValidUtf8WithoutControls(note, "note");
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw NoteException.malformed("note has no blank line before its signatures");
    }
    String signatureBlock = note.substring(split + 2);
    if (signatureBlock.isEmpty() || !signatureBlock.endsWith("\n")) {
      throw NoteException.malformed(
          "signature lines must follow the blank line, each ending in \\n");
    }
    String[] lines = signatureBlock.substring(0, signatureBlock.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) {
      throw new NoteException(
          NoteException.Reason.TOO_MANY_SIGNATURES,
          lines.length + " signature lines, at most " + MAX_SIGNATURES + " accepted");
    }
    List<NoteSignature> signatures = new ArrayList<>(lines.length);
    for (String line : lines) {
      signatures.add(NoteSignature.parseLine(line));
    }
    return new SignedNote(note.substring(0, split + 1), signatures);
  }

  /** This note with one more signature, e.g. a witness cosignature. */
  public SignedNote with(NoteSignature signature) {
    List<NoteSignature> all = new ArrayList<>(signatures);
    all.add(signature);
    return new SignedNote(text, all);
  }

  /** The note as published. */
  @Override
  public String toString() {
    StringBuilder note = new StringBuilder(text).append('\n');
    signatures.forEach(s -> note.append(s.line()).append('\n'));
    return note.toString();
  }
}
