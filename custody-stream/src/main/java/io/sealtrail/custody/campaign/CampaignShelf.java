package io.sealtrail.custody.campaign;

import org.apache.kafka.streams.KafkaStreams;

/**
 * Where the campaigns API reads campaigns: this instance's copy of the global campaign store, which
 * holds every campaign, so any instance answers any campaign without forwarding.
 */
@FunctionalInterface
public interface CampaignShelf {
  /**
   * The campaigns as this instance holds them now.
   *
   * @throws io.sealtrail.platform.query.StoreUnavailableException while the streams are not running
   *     (starting, restoring)
   */
  CampaignBook book();

  static CampaignShelf over(KafkaStreams streams) {
    return () -> CampaignBook.of(streams);
  }
}
