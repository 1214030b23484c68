package io.sealtrail.anomaly.chart;

import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.platform.query.RestoringStores;
import io.sealtrail.platform.query.StoreReader;
import io.sealtrail.platform.query.StreamsStoreAccess;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The spike stores through interactive queries, and where a cohort's stores live. Cohorts are
 * spread over the instances by key: with several instances, a chart read goes to the instance
 * holding it, as custody-stream's queries do (see {@link ChartRouter}).
 */
public final class SpikeStoreReader {
  private final StoreReader reader;

  public SpikeStoreReader(StoreReader reader) {
    this.reader = reader;
  }

  /**
   * The stores of {@code streams}, which must not be started yet (this sets its restore listener).
   * With {@code advertised} (its {@code application.server}), a cohort held by another instance is
   * read there; without (null), this instance is alone and holds every cohort.
   */
  public static SpikeStoreReader of(KafkaStreams streams, HostInfo advertised) {
    RestoringStores restoring = new RestoringStores();
    streams.setGlobalStateRestoreListener(restoring);
    StreamsStoreAccess access =
        advertised == null
            ? StreamsStoreAccess.alone(streams, restoring)
            : new StreamsStoreAccess(streams, advertised, restoring);
    return new SpikeStoreReader(new StoreReader(access, new Forwarder()));
  }

  /** This instance's string store {@code name}; 503 store-unavailable while it is not ready. */
  public ReadOnlyKeyValueStore<String, String> store(String name) {
    return reader.local(name);
  }

  /** Where the keys of the spike stores live, and the forwarding to them. */
  public StoreReader reader() {
    return reader;
  }
}
