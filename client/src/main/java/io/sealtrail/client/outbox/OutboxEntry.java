package io.sealtrail.client.outbox;

import io.sealtrail.client.SignedEnvelope;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One envelope waiting in the outbox.
 *
 * @param sequence its place in the sending order, increasing with each append
 * @param file where it is stored until the platform answered for it
 */
public record OutboxEntry(long sequence, SignedEnvelope envelope, Path file) {
  public OutboxEntry {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(file, "file");
  }
}
