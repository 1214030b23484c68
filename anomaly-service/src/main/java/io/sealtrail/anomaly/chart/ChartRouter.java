package io.sealtrail.anomaly.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.sealtrail.anomaly.spike.Cohort;
import io.sealtrail.anomaly.spike.SpikeKind;
import io.sealtrail.anomaly.spike.SpikeStores;
import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.platform.query.StoreReader;
import io.sealtrail.platform.query.StoreUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers the spike chart reads on any instance. Cohorts are spread over the instances by key: a
 * cohort's series is read on the instance holding it (a request forwarded once, as custody-stream's
 * queries are), and a kind's cohort list is every instance's part, merged. What cannot be read now
 * (an instance starting, rebalancing, not answering) is a 503 with Retry-After, never a partial
 * list or a false 404.
 */
public final class ChartRouter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SpikeCharts charts;

  public ChartRouter(SpikeCharts charts) {
    this.charts = charts;
  }

  /** {@code cohort}'s series: from {@code local} when held here, else relayed from its holder. */
  public HttpResponse<?> series(
      HttpRequest<?> request, SpikeKind kind, Cohort cohort, Supplier<HttpResponse<?>> local) {
    return charts.reader().answer(request, SpikeStores.series(kind), cohort.key(), local);
  }

  /**
   * Every cohort of {@code kind} that had a closed window, on every instance, in cohort key order;
   * a request forwarded by another instance gets this instance's part only.
   */
  public Map<String, Object> cohorts(HttpRequest<?> request, SpikeKind kind) {
    Map<String, Object> json =
        StoreReader.readLocally(SpikeStores.series(kind), () -> charts.cohorts(kind));
    if (StoreReader.forwarded(request)) {
      return json;
    }
    // Keyed by cohort: a cohort moving between the reads is listed once.
    Map<String, Map<String, Object>> merged = new TreeMap<>();
    cohortsOf(json).forEach(c -> merged.putIfAbsent(key(c), c));
    StoreReader reader = charts.reader();
    for (HostInfo other : reader.otherHosts(SpikeStores.series(kind))) {
      Forwarder.Answer answer =
          reader.forwarder().json(other, request.getUri().getRawPath(), request);
      if (answer.status() != 200) {
        throw new StoreUnavailableException(
            "the instance " + other + " answered " + answer.status() + " for its cohorts");
      }
      cohortsOf(parse(answer.body(), other)).forEach(c -> merged.putIfAbsent(key(c), c));
    }
    json.put("cohorts", List.copyOf(merged.values()));
    return json;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cohortsOf(Map<String, Object> json) {
    Object cohorts = json.get("cohorts");
    return cohorts instanceof List<?> list ? (List<Map<String, Object>>) list : new ArrayList<>();
  }

  private static String key(Map<String, Object> cohort) {
    return new Cohort(String.valueOf(cohort.get("dimension")), String.valueOf(cohort.get("value")))
        .key();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(byte[] body, HostInfo from) {
    try {
      return JSON.readValue(body, Map.class);
    } catch (IOException e) {
      throw new StoreUnavailableException("unreadable cohorts from " + from + ": " + e, e);
    }
  }
}
