package io.sealtrail.ingest.pipeline;

import io.sealtrail.trust.event.EventHeader;

/**
 * What a rejected submission claimed about itself, as far as it could be read: kept with the
 * rejection for forensics and rejection-spike detection. Every field may be null.
 */
record Claim(String partnerId, String keyId, String eventId, String eventType, String site) {

  static Claim of(EventHeader header, String keyId) {
    if (header == null) {
      return new Claim(null, keyId, null, null, null);
    }
    return new Claim(
        header.partnerId(), keyId, header.eventId(), header.type().name(), header.site());
  }

  /** The key of the rejection on {@code custody.rejected}: the partner, else the key, else none. */
  String recordKey() {
    return partnerId != null ? partnerId : keyId;
  }
}
