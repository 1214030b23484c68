package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.gateway.Receipt;
import io.sealtrail.ingest.submission.Submission;
import io.sealtrail.translog.entry.AcceptedEventLeaf;
import io.sealtrail.trust.dsse.EnvelopeJson;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;

/**
 * The receipt of an accepted event, computed as the event is written: the leaf log-service appends
 * for the same {@code VerifiedEvent} (its {@code AcceptedLeaves}: partner, event id, SHA-256 of the
 * envelope's canonical DSSE JSON, receipt time in milliseconds, the precision {@code
 * custody.events} keeps). {@code ReceiptLeafTest} holds the two equal.
 */
final class Receipts {
  private Receipts() {}

  static Receipt of(Judgement.Authentic authentic, Submission submission) {
    var event = authentic.event();
    AcceptedEventLeaf leaf =
        AcceptedEventLeaf.of(
            event.getPartnerId(),
            event.getEventId(),
            EnvelopeJson.write(authentic.verified().envelope()).getBytes(StandardCharsets.UTF_8),
            submission.receivedAt().truncatedTo(ChronoUnit.MILLIS));
    return new Receipt(event.getPartnerId(), event.getEventId(), leaf.leafHash().base64());
  }
}
