package io.sealtrail.custody.sequence;

import io.sealtrail.avro.event.CustodyEvent;
import io.sealtrail.custody.process.ZeroPadded;

/**
 * The key of one producer's stream: {@code <length of partnerId>:<partnerId>/<stream>}. The length
 * keeps a partner id holding {@code /} apart from another partner's stream, and a stream name holds
 * no control character (the contract), so {@code key + "\n"} prefixes exactly one stream's entries
 * in the stores.
 */
final class StreamKey {
  private static final String SEPARATOR = "\n";

  private StreamKey() {}

  static String of(CustodyEvent event) {
    String partner = event.getPartnerId();
    return partner.length() + ":" + partner + "/" + event.getStream();
  }

  /** The prefix of every entry of {@code stream} in a store keyed by stream and number. */
  static String prefix(String stream) {
    return stream + SEPARATOR;
  }

  /** The entry of number {@code n} of {@code stream}: zero-padded, so entries sort by number. */
  static String entry(String stream, long n) {
    return ZeroPadded.of(n, 20, prefix(stream));
  }

  /** The number an entry key names. */
  static long numberOf(String entry) {
    return Long.parseLong(entry.substring(entry.lastIndexOf(SEPARATOR) + 1));
  }
}
