package io.sealtrail.platform.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer of a probe: {@code UP} when every component is, each component's {@code UP} or {@code
 * DOWN} under {@code checks}, and the reason of each one down under {@code reasons}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HealthReport(String status, Map<String, String> checks, Map<String, String> reasons) {

  /** The report of what each named component was found to be. */
  static HealthReport of(Map<String, Health> found) {
    Map<String, String> checks = new TreeMap<>();
    Map<String, String> reasons = new TreeMap<>();
    found.forEach(
        (name, health) -> {
          checks.put(name, health.up() ? "UP" : "DOWN");
          if (!health.up()) {
            reasons.put(name, health.reason());
          }
        });
    return new HealthReport(reasons.isEmpty() ? "UP" : "DOWN", checks, reasons);
  }

  public boolean up() {
    return "UP".equals(status);
  }
}
