package io.sealtrail.custody.campaign;

import io.sealtrail.avro.campaign.CampaignDevice;
import io.sealtrail.avro.campaign.CampaignEntry;
import io.sealtrail.avro.campaign.CampaignHeader;
import io.sealtrail.custody.admin.GlobalStores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The campaigns as this instance's copy of {@link CampaignStore} holds them now. */
public final class CampaignBook {
  private static final StringSerializer KEYS = new StringSerializer();

  private final ReadOnlyKeyValueStore<String, CampaignEntry> store;

  CampaignBook(ReadOnlyKeyValueStore<String, CampaignEntry> store) {
    this.store = store;
  }

  /** This instance's campaigns, read through {@code streams}. */
  public static CampaignBook of(KafkaStreams streams) {
    return new CampaignBook(GlobalStores.open(streams, CampaignStore.NAME, "campaigns"));
  }

  /** A campaign: its header and its devices, by serial. */
  public record Campaign(String campaignId, CampaignHeader header, List<CampaignDevice> devices) {}

  public Optional<CampaignHeader> header(String campaignId) {
    return Optional.ofNullable(store.get(CampaignStore.headerKey(campaignId)))
        .map(CampaignEntry::getHeader);
  }

  public Optional<CampaignDevice> device(String campaignId, String serial) {
    return Optional.ofNullable(store.get(CampaignStore.deviceKey(campaignId, serial)))
        .map(CampaignEntry::getDevice);
  }

  /** The campaign with its devices, once its header is visible. */
  public Optional<Campaign> campaign(String campaignId) {
    return header(campaignId).map(h -> new Campaign(campaignId, h, devicesOf(campaignId)));
  }

  /** Every campaign's header, newest first. */
  public List<Campaign> headers() {
    List<Campaign> all = new ArrayList<>();
    try (KeyValueIterator<String, CampaignEntry> entries = store.all()) {
      entries.forEachRemaining(
          kv -> {
            if (kv.value.getHeader() != null) {
              all.add(new Campaign(kv.value.getCampaignId(), kv.value.getHeader(), List.of()));
            }
          });
    }
    all.sort(
        Comparator.comparing((Campaign c) -> c.header().getCreatedAt())
            .reversed()
            .thenComparing(Campaign::campaignId));
    return all;
  }

  private List<CampaignDevice> devicesOf(String campaignId) {
    List<CampaignDevice> devices = new ArrayList<>();
    try (KeyValueIterator<String, CampaignEntry> entries =
        store.prefixScan(CampaignStore.headerKey(campaignId), KEYS)) {
      entries.forEachRemaining(
          kv -> {
            if (kv.value.getDevice() != null) {
              devices.add(kv.value.getDevice());
            }
          });
    }
    return devices;
  }
}
