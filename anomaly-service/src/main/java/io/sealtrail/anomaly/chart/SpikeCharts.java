package io.sealtrail.anomaly.chart;

import io.sealtrail.anomaly.spike.Baseline;
import io.sealtrail.anomaly.spike.Cohort;
import io.sealtrail.anomaly.spike.SeriesWindow;
import io.sealtrail.anomaly.spike.SpikeKind;
import io.sealtrail.anomaly.spike.SpikeStores;
import io.sealtrail.platform.query.StoreReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What the spike charts show, as JSON trees (documented in the README): every cohort of a spike
 * kind with its latest judged window, and one cohort's recent windows with their baselines.
 */
public final class SpikeCharts {
  private final SpikeStoreReader stores;
  private final Map<String, SpikeKind> kinds = new LinkedHashMap<>();

  public SpikeCharts(SpikeStoreReader stores, List<SpikeKind> kinds) {
    this.stores = stores;
    kinds.forEach(k -> this.kinds.put(k.route(), k));
  }

  /** Where the spike stores' keys live, for answers that must be read on another instance. */
  public StoreReader reader() {
    return stores.reader();
  }

  public Optional<SpikeKind> kind(String route) {
    return Optional.ofNullable(kinds.get(route));
  }

  /** Every cohort of {@code kind} that had a closed window, with its latest one. */
  public Map<String, Object> cohorts(SpikeKind kind) {
    Map<String, Object> json = header(kind);
    List<Object> cohorts = new ArrayList<>();
    try (KeyValueIterator<String, String> all = stores.store(SpikeStores.series(kind)).all()) {
      while (all.hasNext()) {
        KeyValue<String, String> entry = all.next();
        Cohort cohort = Cohort.parse(entry.key);
        List<SeriesWindow> windows = SeriesWindow.parseAll(entry.value);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("dimension", cohort.dimension());
        c.put("value", cohort.value());
        c.put("latest", windows.isEmpty() ? null : window(windows.get(windows.size() - 1)));
        c.put("series", kind.seriesPath(cohort));
        cohorts.add(c);
      }
    }
    json.put("cohorts", cohorts);
    return json;
  }

  /** The recent windows of one cohort, or empty when it was never judged. */
  public Optional<Map<String, Object>> series(SpikeKind kind, Cohort cohort) {
    String stored = stores.store(SpikeStores.series(kind)).get(cohort.key());
    if (stored == null) {
      return Optional.empty();
    }
    ReadOnlyKeyValueStore<String, String> baselines = stores.store(SpikeStores.baselines(kind));
    Baseline next = Baseline.parse(baselines.get(cohort.key()));
    Map<String, Object> json = header(kind);
    json.put("dimension", cohort.dimension());
    json.put("value", cohort.value());
    json.put("baseline", next.mean());
    json.put("threshold", next.threshold(kind.rules()));
    json.put("windows", SeriesWindow.parseAll(stored).stream().map(SpikeCharts::window).toList());
    return Optional.of(json);
  }

  private static Map<String, Object> header(SpikeKind kind) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", kind.route());
    json.put("window", kind.rules().window().toString());
    json.put("multiplier", kind.rules().multiplier());
    json.put("minCount", kind.rules().minCount());
    json.put("floor", kind.rules().floor());
    return json;
  }

  private static Map<String, Object> window(SeriesWindow w) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("start", Instant.ofEpochMilli(w.startMillis()).toString());
    json.put("end", Instant.ofEpochMilli(w.endMillis()).toString());
    json.put("count", w.count());
    json.put("baseline", w.baseline());
    json.put("threshold", w.threshold());
    json.put("spike", w.spike());
    return json;
  }
}
