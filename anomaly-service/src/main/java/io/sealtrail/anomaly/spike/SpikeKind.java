package io.sealtrail.anomaly.spike;

import io.sealtrail.anomaly.alert.IncidentKey;
import io.sealtrail.anomaly.alert.Occurrence;
import io.sealtrail.avro.common.AlertType;
import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.common.Severity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One kind of spike: its alert type, severity, what is counted, its route segment ({@code
 * attestation} in {@code /v1/spikes/attestation/...}), the prefix of its node and store names, its
 * rules and how much evidence a window keeps. It turns a spiking window into an occurrence of the
 * cohort's incident.
 */
public record SpikeKind(
    String route,
    AlertType type,
    Severity severity,
    String counted,
    SpikeRules rules,
    int maxEvidence) {

  /** The occurrence for a spiking window of {@code cohort}, judged as {@code judged}. */
  public Occurrence occurrence(Cohort cohort, SeriesWindow judged, List<Evidence> evidence) {
    Instant start = Instant.ofEpochMilli(judged.startMillis());
    Instant end = Instant.ofEpochMilli(judged.endMillis());
    String summary =
        String.format(
            "%d %s at %s between %s and %s (baseline %.1f, threshold %d)",
            judged.count(),
            counted,
            cohort.key(),
            start,
            end,
            judged.baseline(),
            judged.threshold());
    return new Occurrence(
        new IncidentKey(type, cohort.kind(), cohort.subjectId()),
        severity,
        summary,
        end,
        evidence,
        Map.of(
            cohort.dimension(),
            cohort.value(),
            "windowStart",
            start.toString(),
            "windowEnd",
            end.toString(),
            "count",
            Long.toString(judged.count()),
            "baseline",
            String.format("%.2f", judged.baseline()),
            "threshold",
            Long.toString(judged.threshold())),
        links(cohort, evidence));
  }

  /** The cohort's series route, then the history of every serial in the evidence. */
  private List<String> links(Cohort cohort, List<Evidence> evidence) {
    List<String> links = new ArrayList<>();
    links.add(seriesPath(cohort));
    Set<String> serials = new LinkedHashSet<>();
    evidence.forEach(e -> serials.add(e.getSerial()));
    serials.remove(null);
    serials.forEach(serial -> links.add("/v1/serials/" + segment(serial) + "/history"));
    return links;
  }

  /** {@code /v1/spikes/<route>/cohorts/<dimension>/<value>/series}, the chart of one cohort. */
  public String seriesPath(Cohort cohort) {
    return "/v1/spikes/"
        + route
        + "/cohorts/"
        + segment(cohort.dimension())
        + "/"
        + segment(cohort.value())
        + "/series";
  }

  /** The name of the node or store {@code suffix} of this spike kind. */
  public String named(String suffix) {
    return "anomaly-" + route + "-spike-" + suffix;
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
