package io.sealtrail.translog.note;

import java.nio.charset.StandardCharsets;

/** The C2SP signed-note rules for text and key names, shared by signing and parsing. */
final class NoteText {
  private NoteText() {}

  /**
   * Note text: valid UTF-8, non-empty, ends with a newline, no control character but newline, and
   * no blank line at its end (the blank line separates it from the signatures).
   */
  static void requireValidText(String text) {
    requireValidUtf8WithoutControls(text, "note text");
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw NoteException.malformed("note text must end with a newline");
    }
    if (text.equals("\n") || text.endsWith("\n\n")) {
      throw NoteException.malformed("note text must not end with a blank line");
    }
  }

  /** A key name: non-empty, no Unicode space, no '+', nothing a note line could not carry. */
  static void requireValidKeyName(String name) {
    if (name == null || name.isEmpty()) {
      throw NoteException.malformed("key name is empty");
    }
    requireValidUtf8WithoutControls(name, "key name");
    boolean bad = name.codePoints().anyMatch(c -> c == '+' || c == '\n' || isUnicodeSpace(c));
    if (bad) {
      throw NoteException.malformed("key name must not contain spaces or '+': " + name);
    }
  }

  static void requireValidUtf8WithoutControls(String text, String what) {
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
      throw NoteException.malformed(what + " is not valid UTF-8");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && Character.isISOControl(c)) {
        throw NoteException.malformed(
            what + " holds control character U+" + String.format("%04X", (int) c));
      }
    }
  }

  private static boolean isUnicodeSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
