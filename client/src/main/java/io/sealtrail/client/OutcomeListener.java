package io.sealtrail.client;

import io.sealtrail.client.outbox.Quarantined;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears what happens to envelopes away from the caller's thread as well: each platform answer (also
 * those the background sender gets) and each outbox file quarantined. Called on the sending thread;
 * must be quick and must not throw.
 */
public interface OutcomeListener {
  /** Logs rejections (WARN) and quarantined files (ERROR); the default. */
  OutcomeListener LOGGING = new OutcomeListener() {};

  default void settled(Outcome outcome) {
    if (outcome instanceof Outcome.Rejected rejected) {
      Logger log = LoggerFactory.getLogger(OutcomeListener.class);
      log.warn(
          "event {} rejected: {} at {}: {}",
          rejected.eventId(),
          rejected.reason(),
          rejected.field(),
          rejected.detail());
    }
  }

  default void quarantined(Quarantined file) {
    LoggerFactory.getLogger(OutcomeListener.class)
        .error("outbox file {} quarantined, not sent: {}", file.file(), file.why());
  }
}
