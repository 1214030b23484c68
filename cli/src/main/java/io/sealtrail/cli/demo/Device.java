package io.sealtrail.cli.demo;

import io.sealtrail.trust.crypto.Signer;
import java.time.Instant;
import java.util.List;

/**
 * One device of the demo: its serial, its own key (in its secure element), the lots it is built
 * from, when its assembly starts and the factory test station it passes through.
 */
record Device(
    int index,
    String serial,
    Signer key,
    List<String> lots,
    Instant assembledAt,
    String testStation) {
  Device {
    lots = List.copyOf(lots);
  }
}
