package io.sealtrail.client.outbox;

import io.sealtrail.client.SignedEnvelope;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One envelope waiting in the outbox.
 *
 * @param sequence its place in the sending order, increasing with each append
 * @param file where it is stored until the platform answered for it
 * @param storedAt when it was written to the outbox (for files of older clients: the file's
 *     modification time)
 */
public record OutboxEntry(long sequence, SignedEnvelope envelope, Path file, Instant storedAt) {
  public OutboxEntry {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(storedAt, "storedAt");
  }

  /** How long it has waited at {@code now}. */
  public Duration age(Instant now) {
    return Duration.between(storedAt, now);
  }
}
