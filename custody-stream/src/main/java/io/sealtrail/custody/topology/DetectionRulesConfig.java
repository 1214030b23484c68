package io.sealtrail.custody.topology;

import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.detect.SitePair;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@link DetectionRules} from flat keys: {@value #GRACE} and {@value #DEFAULT_MIN_TRANSIT} as
 * ISO-8601 durations, {@value #MIN_TRANSIT} as {@code SITE-A/SITE-B=PT6H,SITE-A/SITE-C=P2D}.
 */
final class DetectionRulesConfig {
  static final String GRACE = "sealtrail.detect.grace";
  static final String DEFAULT_MIN_TRANSIT = "sealtrail.detect.min-transit.default";
  static final String MIN_TRANSIT = "sealtrail.detect.min-transit";

  private DetectionRulesConfig() {}

  static DetectionRules from(Map<String, String> flat) {
    return new DetectionRules(
        duration(flat, GRACE, DetectionRules.DEFAULT_GRACE),
        duration(flat, DEFAULT_MIN_TRANSIT, DetectionRules.DEFAULT_MIN_TRANSIT),
        pairs(flat.getOrDefault(MIN_TRANSIT, "")));
  }

  private static Duration duration(Map<String, String> flat, String key, Duration fallback) {
    String value = flat.get(key);
    return value == null ? fallback : Duration.parse(value.trim());
  }

  private static Map<SitePair, Duration> pairs(String spec) {
    Map<SitePair, Duration> pairs = new HashMap<>();
    for (String entry : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] pairAndTime = entry.trim().split("=", 2);
      String[] sites = pairAndTime[0].split("/", 2);
      if (pairAndTime.length != 2 || sites.length != 2) {
        throw new IllegalArgumentException(
            MIN_TRANSIT + " entries look like SITE-A/SITE-B=PT6H, got: " + entry);
      }
      pairs.put(
          SitePair.of(sites[0].trim(), sites[1].trim()), Duration.parse(pairAndTime[1].trim()));
    }
    return pairs;
  }
}
