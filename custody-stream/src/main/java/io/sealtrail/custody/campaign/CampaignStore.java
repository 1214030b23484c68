package io.sealtrail.custody.campaign;

import io.sealtrail.avro.campaign.CampaignEntry;
import io.sealtrail.custody.process.Storage;
import io.sealtrail.platform.topic.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Every campaign as a global store, so that any instance answers any campaign without forwarding.
 * The store keeps the campaigns topic's keys as they are: {@code <campaignId>\n} for a campaign's
 * header and {@code <campaignId>\n<serial>} for each of its devices, so one prefix scan reads a
 * campaign, its header first.
 */
public final class CampaignStore {
  /** The global store of the campaigns topic. */
  public static final String NAME = "custody-campaigns-store";

  static final String SEPARATOR = "\n";

  private CampaignStore() {}

  /** Adds the global store that reads {@code campaigns} whole on every instance. */
  public static void define(
      StreamsBuilder builder, Topic<CampaignEntry> campaigns, Storage storage) {
    builder.addGlobalStore(
        storage.store(NAME, campaigns.valueSerde()).withLoggingDisabled(),
        campaigns.name(),
        Consumed.with(campaigns.keySerde(), campaigns.valueSerde())
            .withName("custody-campaigns-global-source"),
        Copier::new);
  }

  /** The key of {@code campaignId}'s header; also the prefix of all its entries. */
  static String headerKey(String campaignId) {
    return campaignId + SEPARATOR;
  }

  /** The key of {@code serial}'s entry in {@code campaignId}. */
  static String deviceKey(String campaignId, String serial) {
    return campaignId + SEPARATOR + serial;
  }

  /** Keeps each entry's latest version under its key; a tombstone removes it. */
  private static final class Copier implements Processor<String, CampaignEntry, Void, Void> {
    private KeyValueStore<String, CampaignEntry> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(NAME);
    }

    @Override
    public void process(Record<String, CampaignEntry> record) {
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }
}
