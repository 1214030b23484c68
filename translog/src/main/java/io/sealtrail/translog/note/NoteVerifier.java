package io.sealtrail.translog.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens signed notes with a set of trusted keys: lines from unknown (name, keyID) pairs are ignored
 * (witnesses, rotated keys), every line from a known key must verify, and at least one must.
 */
public final class NoteVerifier {
  private final Map<String, NoteVerifierKey> keys = new HashMap<>();

  public NoteVerifier(Collection<NoteVerifierKey> trusted) {
    for (NoteVerifierKey key : trusted) {
      if (keys.putIfAbsent(lookup(key.name(), key.keyId()), key) != null) {
        throw new IllegalArgumentException("two trusted keys named " + key.name() + " share an ID");
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a note verifier needs at least one trusted key");
    }
  }

  public static NoteVerifier of(NoteVerifierKey... trusted) {
    return new NoteVerifier(List.of(trusted));
  }

  /** Parses and verifies {@code note}; see {@link #verify(SignedNote)}. */
  public VerifiedNote verify(String note) {
    return verify(SignedNote.parse(note));
  }

  /**
   * Verifies every signature from a known key.
   *
   * @throws NoteException BAD_SIGNATURE if one of them fails, UNKNOWN_KEY if none is known
   */
  public VerifiedNote verify(SignedNote note) {
    byte[] text = note.text().getBytes(StandardCharsets.UTF_8);
    List<NoteVerifierKey> verifiedBy = new ArrayList<>();
    for (NoteSignature signature : note.signatures()) {
      NoteVerifierKey key = keys.get(lookup(signature.keyName(), signature.keyId()));
      if (key == null) {
        continue;
      }
      if (!key.verifies(text, signature.signature())) {
        throw new NoteException(
            NoteException.Reason.BAD_SIGNATURE,
            "signature of " + key.name() + "+" + key.keyIdHex() + " does not verify");
      }
      verifiedBy.add(key);
    }
    if (verifiedBy.isEmpty()) {
      throw new NoteException(
          NoteException.Reason.UNKNOWN_KEY, "no signature from a trusted key: " + keys.keySet());
    }
    return new VerifiedNote(note.text(), verifiedBy);
  }

  private static String lookup(String name, int keyId) {
    return name + "+" + Integer.toHexString(keyId);
  }

  /** A note's text with the trusted keys whose signatures verified. */
  public record VerifiedNote(String text, List<NoteVerifierKey> verifiedBy) {
    public VerifiedNote {
      verifiedBy = List.copyOf(verifiedBy);
    }
  }
}
