package io.sealtrail.custody.history;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.custody.event.AvroBytes;
import io.sealtrail.custody.history.SerialHistory.Entry;
import io.sealtrail.custody.state.ChainHash;
import java.util.List;

/**
 * Checks a serial's history against the head of its hash chain, as an auditor does offline with the
 * history answer and the state: no sequence missing, every payload hashing to its recorded
 * payloadSha256, every link recomputed from the one before, and the last link equal to the state's
 * chainHash. A gap, an edited or reordered event, or a dropped tail shows as {@link Broken}.
 */
public final class ChainVerifier {
  private ChainVerifier() {}

  /** The outcome of a check. */
  public sealed interface Result permits Intact, Broken {
    boolean intact();
  }

  /** Every event is there, unchanged, in order, ending at the expected head. */
  public record Intact(int events, String head) implements Result {
    @Override
    public boolean intact() {
      return true;
    }
  }

  /** The first place the history departs from its chain, and how. */
  public record Broken(long sequence, String reason) implements Result {
    @Override
    public boolean intact() {
      return false;
    }
  }

  /** Checks {@code history}, first event first, against the state's {@code head}. */
  public static Result verify(List<Entry> history, String head) {
    String chain = ChainHash.GENESIS;
    long expected = 1;
    for (Entry entry : history) {
      if (entry.sequence() != expected) {
        return new Broken(expected, "event " + expected + " is missing");
      }
      VerifiedEvent event = entry.event();
      String payloadSha = ChainHash.sha256Hex(AvroBytes.of(event.getEnvelope().getPayload()));
      if (!payloadSha.equals(event.getPayloadSha256())) {
        return new Broken(expected, "signed payload does not hash to its payloadSha256");
      }
      chain = ChainHash.next(chain, payloadSha);
      if (!chain.equals(entry.chainHash())) {
        return new Broken(expected, "chain link differs from the one recomputed");
      }
      expected++;
    }
    if (!chain.equals(head)) {
      return new Broken(expected, "history ends at " + chain + ", the state's head is " + head);
    }
    return new Intact(history.size(), head);
  }
}
