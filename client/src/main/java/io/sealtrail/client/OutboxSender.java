package io.sealtrail.client;

import io.sealtrail.client.http.RecordedApi;
import io.sealtrail.client.http.RequestRefusedException;
import io.sealtrail.client.http.Retrying;
import io.sealtrail.client.outbox.Outbox;
import io.sealtrail.client.outbox.OutboxEntry;
import io.sealtrail.client.outbox.Quarantined;
import io.sealtrail.client.proof.ReceiptStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends what waits in the outbox, oldest first, in batches bounded by count and bytes, and removes
 * each entry once the platform answered for it (accepted, duplicate or rejected) or refused it for
 * good (quarantined). For an entry older than the max age the platform may have forgotten its
 * eventId, so the sender first asks whether the event was recorded (ADR 11): recorded, it is
 * settled as a duplicate at that position and not sent; not recorded, it is sent; a platform that
 * cannot answer the question (no such route, credential refused) gets it quarantined unsent, as
 * before. Stops at the first batch, or question, the platform could not take: what follows stays,
 * in order, for the next drain.
 */
final class OutboxSender {
  /** Below the platform's 5 MiB body limit, with room for the newlines. */
  static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;

  private final Outbox outbox;
  private final Retrying retrying;
  private final int batchSize;
  private final OutcomeListener listener;
  private final Duration maxAge;
  private final RecordedApi recorded;
  private final Clock clock;
  private final ReceiptStore receipts;

  OutboxSender(
      Outbox outbox,
      Retrying retrying,
      int batchSize,
      OutcomeListener listener,
      Duration maxAge,
      RecordedApi recorded,
      Clock clock,
      ReceiptStore receipts) {
    this.outbox = outbox;
    this.retrying = retrying;
    this.batchSize = batchSize;
    this.listener = listener;
    this.maxAge = maxAge;
    this.recorded = recorded;
    this.clock = clock;
    this.receipts = receipts;
  }

  /**
   * The outcome of every entry settled, by sequence; throws when a batch could not be delivered,
   * after the batches before it were settled and removed.
   */
  Map<Long, Outcome> drain() throws IOException {
    Map<Long, Outcome> settled = new LinkedHashMap<>();
    for (List<OutboxEntry> batch : batches(sendable(settled))) {
      try {
        settle(batch, retrying.post(envelopes(batch)), settled);
      } catch (RequestRefusedException e) {
        sendAlone(batch, settled);
      }
    }
    return settled;
  }

  /**
   * A refused request (4xx for the request as a whole, e.g. a batch above a lower server limit):
   * each envelope goes alone, and one refused even alone is quarantined instead of blocking the
   * outbox forever.
   */
  private void sendAlone(List<OutboxEntry> batch, Map<Long, Outcome> settled) throws IOException {
    for (OutboxEntry entry : batch) {
      try {
        settle(List.of(entry), retrying.post(envelopes(List.of(entry))), settled);
      } catch (RequestRefusedException e) {
        Quarantined moved = outbox.quarantine(entry, "refused by the platform: " + e.getMessage());
        settled.put(
            entry.sequence(),
            new Outcome.Refused(entry.envelope().eventId(), moved.why(), moved.file()));
        listener.quarantined(moved);
      }
    }
  }

  /**
   * What waits and may be sent: young entries, and older ones the platform says it has not
   * recorded. Older ones it has recorded are settled into {@code settled}; those it cannot answer
   * for are quarantined. Throws when the platform could not be asked: nothing was sent then.
   */
  private List<OutboxEntry> sendable(Map<Long, Outcome> settled) throws IOException {
    Instant now = clock.instant();
    List<OutboxEntry> sendable = new ArrayList<>();
    for (OutboxEntry entry : outbox.pending()) {
      Duration age = entry.age(now);
      if (age.compareTo(maxAge) <= 0) {
        sendable.add(entry);
        continue;
      }
      SignedEnvelope envelope = entry.envelope();
      RecordedApi.Recorded answer;
      try {
        answer = recorded.recorded(envelope.partnerId(), envelope.eventId());
      } catch (RequestRefusedException e) {
        expire(entry, age, settled);
        continue;
      }
      if (answer instanceof RecordedApi.Recorded.Yes yes) {
        settle(
            List.of(entry),
            List.of(new Outcome.Duplicate(envelope.eventId(), yes.partition(), yes.offset())),
            settled);
      } else {
        sendable.add(entry); // not on the platform: sending it cannot store it twice
      }
    }
    return sendable;
  }

  /** Quarantines an old entry the platform cannot say anything about, unsent. */
  private void expire(OutboxEntry entry, Duration age, Map<Long, Outcome> settled)
      throws IOException {
    String eventId = entry.envelope().eventId();
    Quarantined moved = outbox.quarantine(entry, Outcome.Expired.describe(eventId, age, maxAge));
    settled.put(entry.sequence(), new Outcome.Expired(eventId, age, maxAge, moved.file()));
    listener.quarantined(moved);
  }

  private void settle(List<OutboxEntry> batch, List<Outcome> outcomes, Map<Long, Outcome> settled)
      throws IOException {
    for (int i = 0; i < batch.size(); i++) {
      keepReceipt(batch.get(i).envelope(), outcomes.get(i));
      outbox.remove(batch.get(i));
      settled.put(batch.get(i).sequence(), outcomes.get(i));
      listener.settled(outcomes.get(i));
    }
  }

  /**
   * Keeps the receipt of an event the platform stored, before the envelope leaves the outbox: a
   * crash between the two resends it and keeps the duplicate's answer.
   */
  private void keepReceipt(SignedEnvelope envelope, Outcome outcome) throws IOException {
    if (outcome instanceof Outcome.Accepted accepted) {
      receipts.keep(envelope.partnerId(), accepted.eventId(), accepted.receipt());
    } else if (outcome instanceof Outcome.Duplicate duplicate) {
      receipts.keep(envelope.partnerId(), duplicate.eventId(), null);
    }
  }

  private static List<SignedEnvelope> envelopes(List<OutboxEntry> batch) {
    return batch.stream().map(OutboxEntry::envelope).toList();
  }

  private List<List<OutboxEntry>> batches(List<OutboxEntry> pending) {
    List<List<OutboxEntry>> batches = new ArrayList<>();
    List<OutboxEntry> current = new ArrayList<>();
    long bytes = 0;
    for (OutboxEntry entry : pending) {
      int size = entry.envelope().json().getBytes(StandardCharsets.UTF_8).length + 1;
      if (!current.isEmpty() && (current.size() == batchSize || bytes + size > MAX_BATCH_BYTES)) {
        batches.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(entry);
      bytes += size;
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }
}
