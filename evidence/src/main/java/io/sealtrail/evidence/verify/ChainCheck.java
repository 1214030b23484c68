package io.sealtrail.evidence.verify;

import io.sealtrail.evidence.bundle.EvidenceBundle;
import java.util.List;

/**
 * A serial's hash chain: sequences 1..n without a gap, each link following from the one before over
 * the payload the envelope carries, from the genesis to the head the serial's state holds. The
 * chain is computed by the platform and not signed: it shows what the platform recorded, in its
 * order; the signatures and the log are what an operator cannot forge.
 */
final class ChainCheck {
  private ChainCheck() {}

  static void check(
      EvidenceBundle.SerialEvidence serial, List<ReadEvent> events, List<Failure> failures) {
    String item = serial.serial() + " chain";
    if (!ChainLink.GENESIS.equals(serial.genesis())) {
      failures.add(new Failure(item, "the genesis is not 32 zero bytes: " + serial.genesis()));
    }
    String link = ChainLink.GENESIS;
    long expected = 1;
    for (ReadEvent event : events) {
      long sequence = event.entry().sequence();
      if (sequence != expected) {
        failures.add(
            new Failure(
                item,
                sequence > expected
                    ? "event "
                        + (sequence > expected + 1
                            ? expected + " to " + (sequence - 1) + " are"
                            : expected + " is")
                        + " missing (the sequence jumps from "
                        + (expected - 1)
                        + " to "
                        + sequence
                        + "): an event was removed"
                    : "event " + sequence + " comes again after " + (expected - 1)));
      }
      expected = sequence + 1;
      String next = ChainLink.next(link, event.payloadSha256());
      if (!next.equals(event.entry().chainHash())) {
        failures.add(
            new Failure(
                item,
                "the link after event "
                    + sequence
                    + " ("
                    + event.entry().eventId()
                    + ") does not follow from the one before and its payload"));
      }
      link = event.entry().chainHash();
    }
    if (!link.equals(serial.head())) {
      failures.add(
          new Failure(
              item,
              "the serial's head "
                  + serial.head()
                  + " is not the last link "
                  + link
                  + ": events are missing at the end"));
    }
  }
}
