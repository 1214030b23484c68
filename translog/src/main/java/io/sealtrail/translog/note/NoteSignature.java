package io.sealtrail.translog.note;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a note: {@code — <keyName> <base64(keyID[4] || signature)>}. The signature
 * bytes are opaque here; only a verifier that knows (name, keyID) interprets them.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {
  /** The line's lead: U+2014 EM DASH and one space. */
  static final String LINE_PREFIX = "\u2014 ";

  public NoteSignature {
    NoteText.requireValidKeyName(keyName);
    if (signature == null || signature.length == 0) {
      throw NoteException.malformed("signature of " + keyName + " is empty");
    }
    signature = signature.clone();
  }

  /** Parses one signature line without its newline. */
  static NoteSignature parseLine(String line) {
    if (!line.startsWith(LINE_PREFIX)) {
      throw NoteException.malformed("signature line does not start with an em dash and a space");
    }
    String[] parts = line.substring(LINE_PREFIX.length()).split(" ", -1);
    if (parts.length != 2) {
      throw NoteException.malformed("signature line is not '— <name> <base64>': " + line);
    }
    byte[] blob = NoteVerifierKey.decodeBase64(parts[1], "signature of " + parts[0]);
    if (blob.length <= Integer.BYTES) {
      throw NoteException.malformed("signature of " + parts[0] + " is shorter than a key ID");
    }
    int keyId = ByteBuffer.wrap(blob).getInt();
    return new NoteSignature(parts[0], keyId, Arrays.copyOfRange(blob, Integer.BYTES, blob.length));
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The line, without its newline. */
  String line() {
    byte[] blob =
        ByteBuffer.allocate(Integer.BYTES + signature.length).putInt(keyId).put(signature).array();
    return LINE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(blob);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature
        && ((NoteSignature) o).keyName.equals(keyName)
        && ((NoteSignature) o).keyId == keyId
        && Arrays.equals(((NoteSignature) o).signature, signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyName, keyId) * 31 + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return line();
  }
}
