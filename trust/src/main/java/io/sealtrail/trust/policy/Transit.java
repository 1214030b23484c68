package io.sealtrail.trust.policy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Travel times between sites that custody-stream's detections judge by: the least time a serial
 * needs between two sites (faster is a clone) and the most a shipment may take (longer is overdue),
 * each per lane in either direction, with a default for every other pair.
 */
public record Transit(Duration defaultMin, List<Lane> min, Duration defaultMax, List<Lane> max) {
  /** The contract's bounds: one hour at least, seven days at most. */
  public static final Transit DEFAULTS =
      new Transit(Duration.ofHours(1), List.of(), Duration.ofDays(7), List.of());

  /** One lane's bound: between {@code a} and {@code b}, either way. */
  public record Lane(String a, String b, Duration duration) {
    public Lane {
      Objects.requireNonNull(a, "a");
      Objects.requireNonNull(b, "b");
      Objects.requireNonNull(duration, "duration");
    }
  }

  public Transit {
    Objects.requireNonNull(defaultMin, "defaultMin");
    Objects.requireNonNull(defaultMax, "defaultMax");
    min = List.copyOf(min);
    max = List.copyOf(max);
  }
}
