package io.sealtrail.cli.demo;

import java.time.Duration;

/**
 * How fast the demo sent its events: from its first request to the answer to its last (the
 * platform's 202s included, so this is the rate the platform took them at), and how long signing
 * them took before.
 */
record SendRate(long events, Duration sending, Duration signing) {
  static final SendRate NONE = new SendRate(0, Duration.ZERO, Duration.ZERO);

  /** Events per second sent; 0 when nothing was sent. */
  double perSecond() {
    return sending.isZero() ? 0 : events / (sending.toNanos() / 1e9);
  }
}
