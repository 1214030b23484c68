package io.sealtrail.custody.campaign;

import io.sealtrail.avro.campaign.CampaignEntry;
import io.sealtrail.custody.admin.AckedWriter;
import io.sealtrail.platform.kafka.KafkaAccess;
import io.sealtrail.platform.topic.Topic;
import java.util.List;
import java.util.Map;

/**
 * Writes campaign entries to the campaigns topic and returns once every in-sync replica has each
 * (acks=all, idempotent): a campaign is answered 201, and a move 200, only once it cannot be lost.
 * A new campaign's device entries go first and its header last, so a header that is visible always
 * has its devices behind it.
 */
public final class CampaignWriter implements AutoCloseable {
  private final AckedWriter<CampaignEntry> writer;

  public CampaignWriter(KafkaAccess kafka, Topic<CampaignEntry> campaigns) {
    this.writer = new AckedWriter<>(kafka, campaigns, "campaign");
  }

  /** Writes {@code entries} in order and waits for every acknowledgement. */
  public void write(List<CampaignEntry> entries) {
    writer.write(entries.stream().map(e -> Map.entry(keyOf(e), e)).toList());
  }

  static String keyOf(CampaignEntry entry) {
    return entry.getDevice() == null
        ? CampaignStore.headerKey(entry.getCampaignId())
        : CampaignStore.deviceKey(entry.getCampaignId(), entry.getDevice().getSerial());
  }

  @Override
  public void close() {
    writer.close();
  }
}
