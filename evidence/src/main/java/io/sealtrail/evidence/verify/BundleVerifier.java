package io.sealtrail.evidence.verify;

import io.sealtrail.evidence.bundle.EvidenceBundle;
import io.sealtrail.translog.note.Checkpoint;
import io.sealtrail.translog.note.NoteException;
import io.sealtrail.translog.note.NoteVerifier;
import io.sealtrail.translog.note.NoteVerifierKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies an evidence bundle offline with nothing but the log's public key: the checkpoint's
 * signature, every partner key against its keyid, every event's signatures and the signing keys'
 * validity at receipt, every inclusion proof to the one checkpoint, each serial's chain and quotes,
 * and sequence numbers per (partner, stream). Every failure is reported, not only the first.
 */
public final class BundleVerifier {
  private final NoteVerifierKey logKey;

  /**
   * @param logKey the log's verifier key, obtained independently of the bundle and pinned
   */
  public BundleVerifier(NoteVerifierKey logKey) {
    this.logKey = logKey;
  }

  public VerificationReport verify(EvidenceBundle bundle) {
    List<Failure> failures = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Checkpoint checkpoint = checkpoint(bundle, failures);
    KeyRing keys = KeyRing.of(bundle.partners(), failures);
    EventChecks events = new EventChecks(keys, checkpoint, failures, notes);
    StreamChecks streams = new StreamChecks(failures);
    Set<String> distinct = new HashSet<>();
    int quotes = 0;
    int alerts = 0;
    for (EvidenceBundle.SerialEvidence serial : bundle.serials()) {
      List<ReadEvent> read = new ArrayList<>();
      for (EvidenceBundle.Event entry : serial.events()) {
        ReadEvent.read(serial.serial(), entry, failures).ifPresent(read::add);
      }
      for (ReadEvent event : read) {
        // A container's event is in each of its serials' chains; its envelope is checked once.
        if (distinct.add(event.entry().partnerId() + "\n" + event.entry().eventId())) {
          events.check(event);
          streams.add(event);
        }
      }
      ChainCheck.check(serial, read, failures);
      QuoteChecks.check(serial, read, failures);
      quotes += serial.quotes().size();
      alerts += serial.alerts() == null ? 0 : serial.alerts().size();
    }
    streams.notes(notes);
    return new VerificationReport(
        bundle.subject(),
        checkpoint == null ? null : checkpoint.size(),
        new VerificationReport.Counts(
            bundle.serials().size(),
            distinct.size(),
            bundle.partners().size(),
            quotes,
            streams.count(),
            alerts),
        failures,
        notes);
  }

  private Checkpoint checkpoint(EvidenceBundle bundle, List<Failure> failures) {
    if (bundle.log() == null || bundle.log().checkpoint() == null) {
      failures.add(new Failure("checkpoint", "the bundle has no checkpoint"));
      return null;
    }
    try {
      return Checkpoint.verify(bundle.log().checkpoint(), NoteVerifier.of(logKey), logKey.name());
    } catch (NoteException e) {
      String reason =
          switch (e.reason()) {
            case UNKNOWN_KEY ->
                "not signed by the log's key "
                    + logKey.name()
                    + "+"
                    + logKey.keyIdHex()
                    + ": signed with another key";
            case BAD_SIGNATURE -> "the log's signature does not verify: the checkpoint was changed";
            case WRONG_ORIGIN -> "of another log: " + e.getMessage();
            default -> "unreadable: " + e.getMessage();
          };
      failures.add(new Failure("checkpoint", reason + "; no inclusion proof was checked"));
      return null;
    }
  }
}
